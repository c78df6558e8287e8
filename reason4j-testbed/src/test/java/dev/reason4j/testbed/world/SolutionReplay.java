package dev.reason4j.testbed.world;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reason4j.core.grading.MathGrader;
import dev.reason4j.exec.CodePrefix;
import dev.reason4j.exec.ExecRequest;
import dev.reason4j.exec.ExecResult;
import dev.reason4j.exec.PythonWorkerPool;
import dev.reason4j.search.protocol.CodeRules;
import dev.reason4j.search.protocol.CodeStepProtocol;
import dev.reason4j.search.protocol.GeneratedStep;
import dev.reason4j.search.protocol.StepOutcome;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a code-augmented solution the way search reads a model's output: cut at each step marker, judged by
 * {@link CodeStepProtocol}, every code step run in the sandbox after the steps before it, and the observation the
 * protocol would append after the last code step expected verbatim in the solution.
 *
 * @param codeSteps the Python of each step, as the protocol extracted it
 * @param output what the last code step printed
 * @param answer the answer the protocol read from the answer step
 */
record SolutionReplay(List<String> codeSteps, String output, String answer) {

    static final MathGrader GRADER = MathGrader.withDefaults();
    private static final CodeStepProtocol PROTOCOL = new CodeStepProtocol(GRADER.extractor(), CodeRules.defaults());

    static SolutionReplay run(String solution, PythonWorkerPool pool) {
        List<String> code = new ArrayList<>();
        CodePrefix prefix = CodePrefix.EMPTY;
        String output = null;
        int at = 0;
        while (true) {
            int end = -1;
            String marker = null;
            for (String m : PROTOCOL.stepEnds()) {
                int i = solution.indexOf(m, at);
                if (i >= 0 && (end < 0 || i < end)) {
                    end = i;
                    marker = m;
                }
            }
            assertThat(end).as("a step marker after offset %d of%n%s", at, solution).isNotNegative();
            String text = solution.substring(at, end + marker.length());
            StepOutcome outcome = PROTOCOL.judge(new GeneratedStep(text, marker, false, false), solution.substring(0, at));
            at = end + marker.length();
            switch (outcome) {
                case StepOutcome.Code step -> {
                    ExecResult result = pool.execute(ExecRequest.step(prefix, step.code(), pool.defaultLimits()));
                    assertThat(result.ok()).as("step %d runs: %s%n%s", code.size() + 1, result.error(), solution).isTrue();
                    code.add(step.code());
                    prefix = prefix.then(step.code());
                    if (step.last()) {
                        String observation = PROTOCOL.observation(step, result, false);
                        assertThat(solution.startsWith(observation, at)).as("observation %s in%n%s", observation, solution)
                                .isTrue();
                        at += observation.length();
                        output = result.stdout();
                    }
                }
                case StepOutcome.Answer answer -> {
                    assertThat(at).as("the answer step ends the solution").isEqualTo(solution.length());
                    return new SolutionReplay(code, output, answer.answer());
                }
                case StepOutcome.DeadEnd dead -> throw new AssertionError("dead end " + dead.reason() + " in\n" + solution);
                case StepOutcome.Continue c -> throw new AssertionError("a code protocol never continues without code");
            }
        }
    }
}
