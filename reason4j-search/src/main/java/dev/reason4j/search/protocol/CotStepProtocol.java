package dev.reason4j.search.protocol;

import dev.reason4j.core.grading.AnswerExtractor;
import dev.reason4j.search.TerminalReason;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Plain chain of thought for models that do not write code: a step is a paragraph, ended by a blank line. The
 * trajectory ends when the model ends the sequence (its answer is extracted from the whole solution with the
 * grader's rules; none found is {@link TerminalReason#NO_ANSWER}) or, with {@code stopAtAnswer}, as soon as a step
 * gives an explicit final answer ({@code \boxed{}} or an answer tag), which saves the tokens a model spends
 * re-checking a settled answer. A step cut off by the token limit is kept and the next step continues it.
 */
public final class CotStepProtocol implements StepProtocol {

    public static final String STEP_END = "\n\n";

    /** The widely used "reason step by step, box the answer" instruction. */
    public static final PromptTemplate DEFAULT_PROMPT = PromptTemplate.text(
            "{question}\nPlease reason step by step, and put your final answer within \\boxed{}.\n");

    private final AnswerExtractor extractor;
    private final boolean stopAtAnswer;

    public CotStepProtocol(AnswerExtractor extractor, boolean stopAtAnswer) {
        this.extractor = Objects.requireNonNull(extractor, "extractor");
        this.stopAtAnswer = stopAtAnswer;
    }

    @Override
    public String name() {
        return "cot";
    }

    @Override
    public List<String> stepEnds() {
        return List.of(STEP_END);
    }

    @Override
    public PromptTemplate defaultPrompt() {
        return DEFAULT_PROMPT;
    }

    @Override
    public StepOutcome judge(GeneratedStep step, String trajectoryBefore) {
        if (step.endOfSequence()) {
            Optional<AnswerExtractor.Extracted> answer = extractor.extract(trajectoryBefore + step.text());
            return answer.<StepOutcome>map(a -> new StepOutcome.Answer(a.answer()))
                    .orElseGet(() -> new StepOutcome.DeadEnd(TerminalReason.NO_ANSWER));
        }
        if (stopAtAnswer) {
            Optional<AnswerExtractor.Extracted> explicit = extractor.extract(step.text())
                    .filter(a -> a.source() == AnswerExtractor.Source.BOXED || a.source() == AnswerExtractor.Source.ANSWER_TAG);
            if (explicit.isPresent()) {
                return new StepOutcome.Answer(explicit.get().answer());
            }
        }
        return new StepOutcome.Continue();
    }
}
