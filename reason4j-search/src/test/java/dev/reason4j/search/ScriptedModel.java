package dev.reason4j.search;

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
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * A language model test double for algorithm tests: for each text prompt, {@code script} lists the raw outputs the
 * model may write (stop markers included; {@link #EOS} at the end means an end-of-sequence token; neither means the
 * token limit). Sample {@code i} of a prompt writes option {@code i} (mod the list size) at temperature 0 and when
 * {@code seeded} is off, otherwise an option picked by the call's seed, the prompt's position and the sample. Each
 * character counts as one token.
 */
final class ScriptedModel extends LanguageModel {

    static final String EOS = "<eos>";

    private final Function<String, List<String>> script;
    private final boolean seeded;
    final List<SamplingParams> calls = new ArrayList<>();
    final List<String> prompts = new ArrayList<>();

    ScriptedModel(Function<String, List<String>> script, boolean seeded) {
        super(SamplingParams.defaults());
        this.script = script;
        this.seeded = seeded;
    }

    @Override
    public ModelInfo info() {
        return new ModelInfo("scripted", 1 << 20, 0, Set.of());
    }

    @Override
    protected List<GenerationResult> doGenerate(List<Prompt> batch, SamplingParams params) {
        calls.add(params);
        List<GenerationResult> results = new ArrayList<>();
        for (int p = 0; p < batch.size(); p++) {
            String prompt = ((Prompt.Text) batch.get(p)).text();
            prompts.add(prompt);
            List<String> options = script.apply(prompt);
            List<Completion> completions = new ArrayList<>();
            int generated = 0;
            for (int i = 0; i < params.n(); i++) {
                int pick = seeded && !params.isGreedy()
                        ? Math.floorMod(Seeds.mix(params.seed(), p * 1000L + i), options.size())
                        : i % options.size();
                Completion c = complete(i, options.get(pick), params);
                generated += c.tokenIds().size();
                completions.add(c);
            }
            results.add(new GenerationResult(List.of(), completions, new Usage(prompt.length(), 0, generated)));
        }
        return results;
    }

    private static Completion complete(int index, String raw, SamplingParams params) {
        int cut = -1;
        String stop = null;
        for (String s : params.stop()) {
            int at = raw.indexOf(s);
            if (at >= 0 && (cut < 0 || at < cut)) {
                cut = at;
                stop = s;
            }
        }
        if (stop != null) {
            return completion(index, raw.substring(0, cut), cut + stop.length(), FinishReason.STOP, stop);
        }
        if (raw.endsWith(EOS)) {
            String text = raw.substring(0, raw.length() - EOS.length());
            return completion(index, text, text.length() + 1, FinishReason.STOP, EOS);
        }
        return completion(index, raw, raw.length(), FinishReason.LENGTH, null);
    }

    private static Completion completion(int index, String text, int tokens, FinishReason finish, String stop) {
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < tokens; i++) {
            ids.add(1);
        }
        return new Completion(index, ids, text, List.of(), List.of(), finish, stop);
    }

    @Override
    protected List<ContinuationScore> doScore(List<ScoreRequest> requests) {
        throw new UnsupportedOperationException();
    }
}
