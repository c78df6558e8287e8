package dev.reason4j.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reason4j.core.dataset.Problem;
import dev.reason4j.core.grading.MathGrader;
import dev.reason4j.exec.ExecStatus;
import dev.reason4j.exec.PythonWorkerPool;
import dev.reason4j.lm.reward.OracleRewardModel;
import dev.reason4j.search.protocol.CodeRules;
import dev.reason4j.search.protocol.CodeStepProtocol;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The code-augmented protocol end to end with a scripted policy and real CPython. */
class CodeSearchTest {

    private static final MathGrader GRADER = MathGrader.withDefaults();
    private static final Problem PROBLEM = new Problem("apples", "Ann has $20 and buys 3 apples at $4. How much is left?", "8");
    private static final String STEP1 = "<code>\n# Step 1: cost of the apples\napples = 3 * 4\n<end_of_step>";
    private static final String STEP2 = "\n# Step 2: money left\nleft = 20 - apples\n<end_of_step>";
    private static final String BAD_STEP2 = "\n# Step 2: money left\nleft = 20 - pears\n<end_of_step>";
    private static final String PRINT_LEFT = "\n# Now print the final answer\nprint(left)\n<end_of_code>";
    private static final String PRINT_APPLES = "\n# Now print the final answer\nprint(apples)\n<end_of_code>";
    private static final String ANSWER = "<answer>She has \\boxed{8} dollars left.<end_of_answer>";

    private static PythonWorkerPool pool;

    @BeforeAll
    static void startPool() {
        pool = Pools.start();
    }

    @AfterAll
    static void stopPool() {
        if (pool != null) {
            pool.close();
        }
    }

    private static SearchContext context(ScriptedModel model, CodeRules rules) {
        return SearchContext.builder()
                .policy(model)
                .protocol(new CodeStepProtocol(GRADER.extractor(), rules))
                .executor(pool)
                .reward(new OracleRewardModel(GRADER))
                .build();
    }

    @Test
    void greedy_should_run_each_step_after_the_state_of_the_steps_before() {
        ScriptedModel model = new ScriptedModel(prompt -> {
            if (prompt.contains("<end_of_code>")) {
                return List.of(ANSWER);
            }
            if (prompt.contains("left = ")) {
                return List.of(PRINT_LEFT);
            }
            return List.of(prompt.contains("apples = ") ? STEP2 : STEP1);
        }, false);

        SearchResult r = new Greedy().solve(context(model, CodeRules.defaults()), PROBLEM, 1);

        assertThat(r.answer()).isEqualTo("8");
        SearchTree tree = r.tree();
        assertThat(tree.size()).isEqualTo(5);
        assertThat(tree.node(3).step().code().output()).isEqualTo("8\n");
        assertThat(tree.node(3).step().observation()).isEqualTo("\n<output>8<end_of_output>\n");
        assertThat(tree.node(1).step().observation()).isEmpty();
        assertThat(r.response()).isEqualTo(STEP1 + STEP2 + PRINT_LEFT + "\n<output>8<end_of_output>\n" + ANSWER);
        assertThat(tree.node(3).codePrefix().steps()).containsExactly(
                "# Step 1: cost of the apples\napples = 3 * 4", "# Step 2: money left\nleft = 20 - apples",
                "# Now print the final answer\nprint(left)");
        assertThat(r.usage().codeExecutions()).isEqualTo(3);
        assertThat(r.usage().codeFailures()).isZero();
        assertThat(r.usage().codeFromSnapshot()).as("steps 2 and 3 fork from the kept state").isPositive();
    }

    @Test
    void mcts_should_end_branches_whose_code_fails() {
        ScriptedModel model = new ScriptedModel(prompt -> {
            if (prompt.contains("<end_of_code>")) {
                return List.of(ANSWER);
            }
            if (prompt.contains("left = 20 - apples")) {
                return List.of(PRINT_LEFT);
            }
            return prompt.contains("apples = ") ? List.of(STEP2, BAD_STEP2) : List.of(STEP1);
        }, false);

        SearchResult r = new RStarMcts(MctsOptions.builder().candidates(2).rollouts(4).build())
                .solve(context(model, CodeRules.defaults()), PROBLEM, 1);

        SearchNode bad = r.tree().nodes().stream().filter(n -> n.step().text().equals(BAD_STEP2)).findFirst().orElseThrow();
        assertThat(bad.terminalReason()).contains(TerminalReason.TOO_MANY_CODE_ERRORS);
        assertThat(bad.step().code().status()).isEqualTo(ExecStatus.ERROR);
        assertThat(bad.step().code().error()).startsWith("NameError");
        assertThat(bad.q()).isEqualTo(-1);
        assertThat(r.answer()).isEqualTo("8");
        assertThat(r.tree().answers()).singleElement().satisfies(n -> assertThat(n.reward()).isEqualTo(1));
        assertThat(r.usage().codeFailures()).isEqualTo(1);
        assertThat(r.tree().root().q()).as("+1 and -1 backed up to the root").isZero();
    }

    @Test
    void a_failed_step_should_leave_the_program_unless_cumulative_re_execution_is_asked_for() {
        ScriptedModel model = new ScriptedModel(prompt -> {
            if (prompt.contains("<end_of_code>")) {
                return List.of("<answer>\\boxed{12}<end_of_answer>");
            }
            if (prompt.contains("pears")) {
                return List.of(PRINT_APPLES);
            }
            return List.of(prompt.contains("apples = ") ? BAD_STEP2 : STEP1);
        }, false);

        SearchResult dropped = new Greedy().solve(context(model, new CodeRules(2, false, false)), PROBLEM, 1);
        SearchResult kept = new Greedy().solve(context(model, new CodeRules(2, true, false)), PROBLEM, 1);

        assertThat(dropped.tree().node(2).step().code().failed()).isTrue();
        assertThat(dropped.tree().node(2).isTerminal()).as("one failure of two allowed").isFalse();
        assertThat(dropped.tree().node(3).step().code().output()).isEqualTo("12\n");
        assertThat(dropped.answer()).isEqualTo("12");
        assertThat(kept.tree().node(3).step().code().error()).contains("prefix step 2");
        assertThat(kept.tree().node(3).terminalReason()).contains(TerminalReason.TOO_MANY_CODE_ERRORS);
        assertThat(kept.answer()).isNull();
    }
}
