package dev.reason4j.search.protocol;

import dev.reason4j.core.grading.AnswerExtractor;
import dev.reason4j.exec.ExecResult;
import dev.reason4j.search.TerminalReason;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * rStar-Math's code-augmented chain of thought (Guan et al., "rStar-Math: Small LLMs Can Master Math Reasoning with
 * Self-Evolved Deep Thinking", arXiv:2501.04519, 2025): each step is a {@code # comment} stating the step in
 * words followed by the Python that carries it out, and a step survives only if its code runs. A solution reads:
 *
 * <pre>{@code
 * <code>
 * # Step 1: Calculate the cost of the apples
 * apples = 3 * 4
 * <end_of_step>
 * # Step 2: Subtract it from the money she had
 * left = 20 - apples
 * <end_of_step>
 * # Now print the final answer
 * print(left)
 * <end_of_code>
 * <output>8<end_of_output>
 * <answer>She has \boxed{8} dollars left.<end_of_answer>
 * }</pre>
 *
 * <p>The model writes everything except the observation: after a step ending {@code <end_of_code>} the system
 * appends {@code \n<output>…<end_of_output>\n} with what the step printed (and the error, when it failed). Each
 * step's code runs in the sandbox after the code of the earlier steps of its branch (incrementally, see
 * {@link dev.reason4j.exec.CodePrefix}); failures are handled by {@link CodeRules}. A step that contains
 * {@code <answer>}, ends with {@code <end_of_answer>} or ends the sequence is the final step: its answer is the
 * {@code \boxed{}} (or answer-tag) content, and one without an answer is a dead end
 * ({@link TerminalReason#NO_ANSWER}, rStar's "no valid child"); a step cut off by the token limit is a dead end
 * too ({@link TerminalReason#STEP_TOO_LONG}).
 */
public final class CodeStepProtocol implements StepProtocol {

    public static final String CODE = "<code>";
    public static final String STEP_END = "<end_of_step>";
    public static final String CODE_END = "<end_of_code>";
    public static final String OUTPUT = "<output>";
    public static final String OUTPUT_END = "<end_of_output>";
    public static final String ANSWER = "<answer>";
    public static final String ANSWER_END = "<end_of_answer>";

    /** A prompt modelled on rStar-Math's policy prompt. */
    public static final PromptTemplate DEFAULT_PROMPT = PromptTemplate.text(
            "<|user|>:\n{question}\n<|assistant|>: Let's think step by step and solve the problem with code.");

    private final AnswerExtractor extractor;
    private final CodeRules rules;

    public CodeStepProtocol(AnswerExtractor extractor, CodeRules rules) {
        this.extractor = Objects.requireNonNull(extractor, "extractor");
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    @Override
    public String name() {
        return "code";
    }

    @Override
    public List<String> stepEnds() {
        return List.of(STEP_END, CODE_END, ANSWER_END);
    }

    @Override
    public PromptTemplate defaultPrompt() {
        return DEFAULT_PROMPT;
    }

    @Override
    public CodeRules codeRules() {
        return rules;
    }

    @Override
    public StepOutcome judge(GeneratedStep step, String trajectoryBefore) {
        String text = step.text();
        if (text.contains(ANSWER) || ANSWER_END.equals(step.marker()) || step.endOfSequence()) {
            Optional<AnswerExtractor.Extracted> answer = extractor.extract(text);
            return answer.<StepOutcome>map(a -> new StepOutcome.Answer(a.answer()))
                    .orElseGet(() -> new StepOutcome.DeadEnd(TerminalReason.NO_ANSWER));
        }
        if (step.truncated()) {
            return new StepOutcome.DeadEnd(TerminalReason.STEP_TOO_LONG);
        }
        return new StepOutcome.Code(code(text, step.marker()), CODE_END.equals(step.marker()));
    }

    /** The step's Python: the text without its markers, leading blank lines and trailing white space. */
    static String code(String text, String marker) {
        String code = text.endsWith(marker) ? text.substring(0, text.length() - marker.length()) : text;
        code = code.replace(CODE, "");
        return code.replaceFirst("^(\\s*\\n)+", "").stripTrailing();
    }

    @Override
    public String observation(StepOutcome.Code step, ExecResult result, boolean failed) {
        return step.last() ? outputBlock(result, failed) : "";
    }

    /**
     * What the system appends after a program's {@code <end_of_code>}: {@code \n<output>…<end_of_output>\n} with
     * what it printed, and its error when it failed.
     */
    public static String outputBlock(ExecResult result, boolean failed) {
        StringBuilder shown = new StringBuilder(result.stdout().strip());
        if (failed && result.error() != null) {
            if (!shown.isEmpty()) {
                shown.append('\n');
            }
            shown.append(result.error().type()).append(": ").append(result.error().message());
        }
        return "\n" + OUTPUT + shown + OUTPUT_END + "\n";
    }
}
