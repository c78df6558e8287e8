package dev.reason4j.recipes.stages;

import dev.reason4j.exec.ExecRequest;
import dev.reason4j.exec.ExecResult;
import dev.reason4j.exec.PythonWorkerPool;
import dev.reason4j.lm.Completion;
import dev.reason4j.lm.GenerationResult;
import dev.reason4j.lm.LanguageModel;
import dev.reason4j.lm.Prompt;
import dev.reason4j.lm.SamplingParams;
import dev.reason4j.lm.Usage;
import dev.reason4j.search.protocol.CodeStepProtocol;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Whole responses in rStar-Math's code format with the system's part done: each sample is generated up to its
 * {@code <end_of_code>}, its program (every step's code, in order) runs in the Python sandbox, the real
 * {@code <output>…<end_of_output>} is appended exactly as {@link CodeStepProtocol} appends it, and the model goes on
 * from there to its answer. Without this a code policy invents its own output and answers from it.
 *
 * <p>Special tokens stay in the text: the step markers are the format, and the responses become training targets.
 * A sample that never reaches {@code <end_of_code>} is kept as generated. The second half of each sample is drawn
 * with its own seed (the problem's seed plus the sample's index plus one) within what is left of
 * {@code maxTokens}; usage adds both calls.
 */
public final class CodeExecutingSampler implements ResponseSampler {

    private final PythonWorkerPool pool;
    private final boolean ownsPool;

    /** Runs programs on {@code pool}; {@code ownsPool}: {@link #close()} closes it. */
    public CodeExecutingSampler(PythonWorkerPool pool, boolean ownsPool) {
        this.pool = Objects.requireNonNull(pool, "pool");
        this.ownsPool = ownsPool;
    }

    @Override
    public GenerationResult sample(LanguageModel model, String prompt, SamplingParams params) {
        SamplingParams toCode = params.toBuilder().skipSpecialTokens(false).stop(CodeStepProtocol.CODE_END)
                .includeStopInOutput(false).build();
        GenerationResult first = model.generate(Prompt.text(prompt), toCode);
        List<Completion> completions = new ArrayList<>();
        int promptTokens = first.usage().promptTokens();
        int cached = first.usage().cachedPromptTokens();
        int generated = first.usage().completionTokens();
        for (Completion c : first.completions()) {
            int left = params.maxTokens() - c.tokenIds().size();
            if (!CodeStepProtocol.CODE_END.equals(c.matchedStop()) || left < 1) {
                completions.add(c);
                continue;
            }
            String program = c.text() + CodeStepProtocol.CODE_END;
            ExecResult run = pool.execute(ExecRequest.snippet(code(program), pool.defaultLimits()));
            String soFar = program + CodeStepProtocol.outputBlock(run, !run.ok());
            SamplingParams toAnswer = params.toBuilder().n(1).maxTokens(left).skipSpecialTokens(false)
                    .seed(params.seed() + c.index() + 1).build();
            GenerationResult second = model.generate(Prompt.text(prompt + soFar), toAnswer);
            Completion answer = second.completions().getFirst();
            promptTokens += second.usage().promptTokens();
            cached += second.usage().cachedPromptTokens();
            generated += second.usage().completionTokens();
            List<Integer> tokens = new ArrayList<>(c.tokenIds());
            tokens.addAll(answer.tokenIds());
            completions.add(new Completion(c.index(), tokens, soFar + answer.text(), List.of(), List.of(),
                    answer.finishReason(), answer.matchedStop()));
        }
        return new GenerationResult(first.promptTokenIds(), completions, new Usage(promptTokens, cached, generated));
    }

    /** The program of a response: its text with the code-format markers taken out. */
    static String code(String response) {
        return response.replace(CodeStepProtocol.CODE, "").replace(CodeStepProtocol.STEP_END, "")
                .replace(CodeStepProtocol.CODE_END, "").strip();
    }

    @Override
    public String description() {
        return "code-executing";
    }

    @Override
    public void close() {
        if (ownsPool) {
            pool.close();
        }
    }
}
