package dev.reason4j.recipes.stages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.reason4j.exec.ExecException;
import dev.reason4j.exec.PythonPoolConfig;
import dev.reason4j.exec.PythonWorkerPool;
import dev.reason4j.lm.Completion;
import dev.reason4j.lm.ContinuationScore;
import dev.reason4j.lm.FinishReason;
import dev.reason4j.lm.GenerationResult;
import dev.reason4j.lm.LanguageModel;
import dev.reason4j.lm.ModelInfo;
import dev.reason4j.lm.Prompt;
import dev.reason4j.lm.SamplingParams;
import dev.reason4j.lm.ScoreRequest;
import dev.reason4j.lm.Usage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The code-executing sampler against real CPython, with a model double that writes a fixed program and then answers
 * with whatever output the prompt shows it: the answer must come from the program's real output, never from an
 * output the model wrote itself.
 */
class CodeExecutingSamplerTest {

    private static final String PROGRAM = "<code>\n# Step 1: multiply\nx = 6 * 7\n<end_of_step>\n# Now print the final "
            + "answer\nprint(x)\n<end_of_code>\n<output>99<end_of_output>\n<answer>\\boxed{99}<end_of_answer>";
    private static PythonWorkerPool pool;

    @BeforeAll
    static void startPython() {
        try {
            pool = PythonWorkerPool.start(PythonPoolConfig.defaults().withWorkers(1));
        } catch (ExecException e) {
            assumeTrue(false, "no usable python3: " + e.getMessage());
        }
    }

    @AfterAll
    static void stopPython() {
        if (pool != null) {
            pool.close();
        }
    }

    /** Writes {@link #PROGRAM} (cut at a stop string) to a fresh prompt; after an output, answers with it. */
    private static class ProgramWriter extends LanguageModel {
        final List<SamplingParams> calls = new ArrayList<>();

        ProgramWriter() {
            super(SamplingParams.defaults());
        }

        @Override
        public ModelInfo info() {
            return new ModelInfo("program-writer", 1 << 16, 0, Set.of());
        }

        @Override
        protected List<GenerationResult> doGenerate(List<Prompt> prompts, SamplingParams params) {
            calls.add(params);
            String prompt = ((Prompt.Text) prompts.getFirst()).text();
            String raw = prompt.contains("<end_of_output>")
                    ? "<answer>\\boxed{" + between(prompt, "<output>", "<end_of_output>") + "}<end_of_answer>"
                    : PROGRAM;
            List<Completion> completions = new ArrayList<>();
            for (int i = 0; i < params.n(); i++) {
                completions.add(cut(i, raw, params));
            }
            return List.of(new GenerationResult(List.of(), completions, new Usage(prompt.length(), 0, raw.length() * params.n())));
        }

        private static Completion cut(int index, String raw, SamplingParams params) {
            for (String stop : params.stop()) {
                int at = raw.indexOf(stop);
                if (at >= 0) {
                    return new Completion(index, ones(at + stop.length()), raw.substring(0, at), List.of(), List.of(),
                            FinishReason.STOP, stop);
                }
            }
            return new Completion(index, ones(raw.length()), raw, List.of(), List.of(), FinishReason.STOP, "<eos>");
        }

        private static List<Integer> ones(int n) {
            return new ArrayList<>(Collections.nCopies(n, 1));
        }

        private static String between(String text, String open, String close) {
            int start = text.lastIndexOf(open) + open.length();
            return text.substring(start, text.indexOf(close, start));
        }

        @Override
        protected List<ContinuationScore> doScore(List<ScoreRequest> requests) {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void should_answer_from_the_programs_real_output_and_keep_the_step_markers() {
        ProgramWriter model = new ProgramWriter();
        SamplingParams params = SamplingParams.builder().n(2).temperature(0.7).maxTokens(1000).seed(5)
                .skipSpecialTokens(true).build();
        GenerationResult result = new CodeExecutingSampler(pool, false).sample(model, "Q:", params);

        assertThat(result.completions()).hasSize(2);
        for (Completion c : result.completions()) {
            assertThat(c.text()).isEqualTo("<code>\n# Step 1: multiply\nx = 6 * 7\n<end_of_step>\n# Now print the final "
                    + "answer\nprint(x)\n<end_of_code>\n<output>42<end_of_output>\n<answer>\\boxed{42}<end_of_answer>");
        }
        assertThat(model.calls.getFirst().stop()).containsExactly("<end_of_code>");
        assertThat(model.calls).allSatisfy(p -> assertThat(p.skipSpecialTokens()).isFalse());
        // each sample's answer is drawn once, alone, with its own seed
        assertThat(model.calls.subList(1, 3)).extracting(SamplingParams::n, SamplingParams::seed)
                .containsExactly(tuple(1, 6L), tuple(1, 7L));
        // usage adds the three calls' (each call reports what its double wrote)
        String answer = "<answer>\\boxed{42}<end_of_answer>";
        assertThat(result.usage().completionTokens()).isEqualTo(2 * PROGRAM.length() + 2 * answer.length());
    }

    @Test
    void should_show_a_failing_programs_error_and_keep_a_response_without_code_as_written() {
        assertThat(CodeExecutingSampler.code("<code>\na = 1\n<end_of_step>\nprint(a)\n<end_of_code>"))
                .isEqualTo("a = 1\n\nprint(a)");
        LanguageModel failing = new ProgramWriter() {
            @Override
            protected List<GenerationResult> doGenerate(List<Prompt> prompts, SamplingParams params) {
                String prompt = ((Prompt.Text) prompts.getFirst()).text();
                String raw = prompt.contains("<end_of_output>") ? "<answer>none<end_of_answer>"
                        : "<code>\nprint(1 / 0)\n<end_of_code>";
                return List.of(new GenerationResult(List.of(), List.of(new Completion(0, List.of(1, 1),
                        raw.replace("<end_of_code>", ""), List.of(), List.of(), FinishReason.STOP,
                        raw.contains("<end_of_code>") ? "<end_of_code>" : "<eos>")), new Usage(1, 0, 2)));
            }
        };
        String text = new CodeExecutingSampler(pool, false)
                .sample(failing, "Q:", SamplingParams.builder().n(1).maxTokens(100).build()).first().text();
        assertThat(text).startsWith("<code>\nprint(1 / 0)\n<end_of_code>\n<output>ZeroDivisionError: ")
                .endsWith("<end_of_output>\n<answer>none<end_of_answer>");

        LanguageModel noCode = new ProgramWriter() {
            @Override
            protected List<GenerationResult> doGenerate(List<Prompt> prompts, SamplingParams params) {
                return List.of(new GenerationResult(List.of(), List.of(new Completion(0, List.of(1), "The answer is 3.",
                        List.of(), List.of(), FinishReason.STOP, "<eos>")), new Usage(1, 0, 1)));
            }
        };
        assertThat(new CodeExecutingSampler(pool, false)
                .sample(noCode, "Q:", SamplingParams.builder().n(1).maxTokens(100).build()).first().text())
                .isEqualTo("The answer is 3.");
    }
}
