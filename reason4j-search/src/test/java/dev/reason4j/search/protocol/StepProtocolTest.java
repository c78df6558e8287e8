package dev.reason4j.search.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reason4j.core.grading.MathGrader;
import dev.reason4j.exec.ExecError;
import dev.reason4j.exec.ExecResult;
import dev.reason4j.exec.ExecStatus;
import dev.reason4j.search.TerminalReason;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How the code-augmented and plain chain-of-thought protocols read steps. */
class StepProtocolTest {

    private static final MathGrader GRADER = MathGrader.withDefaults();
    private final CodeStepProtocol code = new CodeStepProtocol(GRADER.extractor(), CodeRules.defaults());
    private final CotStepProtocol cot = new CotStepProtocol(GRADER.extractor(), true);

    private static GeneratedStep marked(String text, String marker) {
        return new GeneratedStep(text + marker, marker, false, false);
    }

    @Test
    void code_protocol_should_read_code_steps_without_their_markers() {
        StepOutcome first = code.judge(marked("<code>\n# Step 1: apples\napples = 3 * 4\n", "<end_of_step>"), "");
        StepOutcome last = code.judge(marked("\n# Now print the final answer\nprint(left)\n", "<end_of_code>"), "");

        assertThat(first).isEqualTo(new StepOutcome.Code("# Step 1: apples\napples = 3 * 4", false));
        assertThat(last).isEqualTo(new StepOutcome.Code("# Now print the final answer\nprint(left)", true));
        assertThat(code.judge(marked("\n    if x:\n        y = 1\n", "<end_of_step>"), ""))
                .as("indentation of the first line is kept").isEqualTo(new StepOutcome.Code("    if x:\n        y = 1", false));
    }

    @Test
    void code_protocol_should_read_answers_and_dead_ends() {
        assertThat(code.judge(marked("<answer>She has \\boxed{8} dollars left.", "<end_of_answer>"), ""))
                .isEqualTo(new StepOutcome.Answer("8"));
        assertThat(code.judge(new GeneratedStep("<answer>\\boxed{8}", null, true, false), ""))
                .as("an end-of-sequence token may close the answer").isEqualTo(new StepOutcome.Answer("8"));
        assertThat(code.judge(marked("<answer>No solution exists.", "<end_of_answer>"), ""))
                .as("an answer tag without a box answers with its text").isEqualTo(new StepOutcome.Answer("No solution exists."));
        assertThat(code.judge(marked("<answer> ", "<end_of_answer>"), ""))
                .isEqualTo(new StepOutcome.DeadEnd(TerminalReason.NO_ANSWER));
        assertThat(code.judge(new GeneratedStep("x = 1", null, true, false), ""))
                .isEqualTo(new StepOutcome.DeadEnd(TerminalReason.NO_ANSWER));
        assertThat(code.judge(new GeneratedStep("x = (1 +", null, false, true), ""))
                .isEqualTo(new StepOutcome.DeadEnd(TerminalReason.STEP_TOO_LONG));
    }

    private static ExecResult ok(String stdout) {
        return new ExecResult(ExecStatus.OK, stdout, null, false, Duration.ZERO, true, 0);
    }

    @Test
    void code_protocol_should_show_output_after_the_last_code_step_only() {
        ExecResult failed = new ExecResult(ExecStatus.ERROR, "partial\n", new ExecError("NameError", "name 'x' is not defined", 2),
                false, Duration.ZERO, false, 0);

        assertThat(code.observation(new StepOutcome.Code("print(8)", true), ok("8\n"), false))
                .isEqualTo("\n<output>8<end_of_output>\n");
        assertThat(code.observation(new StepOutcome.Code("y = 1", false), ok(""), false)).isEmpty();
        assertThat(code.observation(new StepOutcome.Code("print(x)", true), failed, true))
                .isEqualTo("\n<output>partial\nNameError: name 'x' is not defined<end_of_output>\n");
    }

    @Test
    void code_rules_should_decide_failure_by_status_unless_the_substring_quirk_is_on() {
        ExecResult printsError = ok("no error here\n");
        ExecResult timeout = new ExecResult(ExecStatus.TIMEOUT, "", new ExecError("Timeout", "2 s", 0), false,
                Duration.ZERO, false, 0);

        assertThat(CodeRules.defaults().failed(printsError)).isFalse();
        assertThat(CodeRules.defaults().failed(timeout)).isTrue();
        assertThat(new CodeRules(1, false, true).failed(printsError)).isTrue();
        assertThatThrownBy(() -> new CodeRules(0, false, false)).hasMessageContaining("maxConsecutiveErrors must be >= 1, was 0");
    }

    @Test
    void cot_protocol_should_end_at_an_explicit_answer_or_the_end_of_sequence() {
        assertThat(cot.judge(marked("First add 2 and 3.", "\n\n"), "")).isEqualTo(new StepOutcome.Continue());
        assertThat(cot.judge(marked("So the answer is \\boxed{5}.", "\n\n"), "")).isEqualTo(new StepOutcome.Answer("5"));
        assertThat(cot.judge(new GeneratedStep("The answer is 5", null, true, false), "2 + 3 = 5.\n\n"))
                .as("the whole solution is searched at the end").isEqualTo(new StepOutcome.Answer("5"));
        assertThat(cot.judge(new GeneratedStep("Hmm.", null, true, false), "Let me think.\n\n"))
                .isEqualTo(new StepOutcome.DeadEnd(TerminalReason.NO_ANSWER));
        assertThat(cot.judge(new GeneratedStep("a long paragr", null, false, true), ""))
                .as("a cut step is continued by the next").isEqualTo(new StepOutcome.Continue());
        CotStepProtocol patient = new CotStepProtocol(GRADER.extractor(), false);
        assertThat(patient.judge(marked("So \\boxed{5}.", "\n\n"), "")).isEqualTo(new StepOutcome.Continue());
    }

    @Test
    void generated_steps_end_in_exactly_one_way() {
        assertThatThrownBy(() -> new GeneratedStep("x", "\n\n", true, false)).hasMessageContaining("exactly one way");
        assertThatThrownBy(() -> new GeneratedStep("x", null, false, false)).hasMessageContaining("exactly one way");
    }

    @Test
    void prompt_templates_should_fill_the_question() {
        assertThat(CotStepProtocol.DEFAULT_PROMPT.render("What is 2+3?", Optional.empty()))
                .isEqualTo("What is 2+3?\nPlease reason step by step, and put your final answer within \\boxed{}.\n");
        assertThatThrownBy(() -> PromptTemplate.text("no placeholder")).hasMessageContaining("must contain {question}");
        assertThatThrownBy(() -> PromptTemplate.chat("", "").render("q", Optional.empty()))
                .hasMessageContaining("needs the model's own tokenizer");
    }
}
