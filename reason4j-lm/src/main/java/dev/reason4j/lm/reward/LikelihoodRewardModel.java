package dev.reason4j.lm.reward;

import dev.reason4j.lm.ContinuationScore;
import dev.reason4j.lm.LanguageModel;
import dev.reason4j.lm.ModelInfo;
import dev.reason4j.lm.Prompt;
import dev.reason4j.lm.ScoreRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An untrained process scorer: a language model's length-normalised likelihood of the trajectory, the confidence
 * signal Wang et al. weight votes with ("Self-Consistency Improves Chain of Thought Reasoning in Language Models",
 * ICLR 2023, §3: normalised weighted sum). The score is {@code 2·exp(mean token log-probability) − 1}, the
 * geometric-mean token probability mapped into (-1, 1]; an empty trajectory scores 0.
 *
 * <p>A baseline for when no PPM has been trained yet, and a way to run every search strategy on any model; it is
 * not a substitute for a trained PPM. All requests of a batch go to the model in one {@code score} call, with the
 * trajectory's token ids when the model takes token prompts (so its prefix cache sees the policy's own tokens).
 */
public final class LikelihoodRewardModel extends RewardModel {

    private final LanguageModel model;

    public LikelihoodRewardModel(LanguageModel model) {
        this.model = Objects.requireNonNull(model, "model");
        if (!model.info().can(ModelInfo.Capability.SCORE)) {
            throw new IllegalArgumentException(model.info().id() + " cannot score continuations");
        }
    }

    @Override
    public String id() {
        return "likelihood:" + model.info().id();
    }

    @Override
    public Kind kind() {
        return Kind.PROCESS;
    }

    @Override
    protected List<RewardScore> doScore(List<RewardRequest> batch) {
        boolean tokens = model.info().can(ModelInfo.Capability.TOKEN_PROMPTS);
        List<ScoreRequest> requests = new ArrayList<>();
        for (RewardRequest r : batch) {
            if (!r.trajectory().isEmpty()) {
                Prompt continuation = tokens && !r.trajectoryTokenIds().isEmpty()
                        ? Prompt.tokens(r.trajectoryTokenIds())
                        : Prompt.text(r.trajectory());
                requests.add(new ScoreRequest(r.prompt(), continuation));
            }
        }
        List<ContinuationScore> scores = requests.isEmpty() ? List.of() : model.score(requests);
        List<RewardScore> out = new ArrayList<>(batch.size());
        int next = 0;
        for (RewardRequest r : batch) {
            if (r.trajectory().isEmpty()) {
                out.add(new RewardScore(0, 0));
                continue;
            }
            ContinuationScore score = scores.get(next++);
            double value = score.continuationTokenIds().isEmpty() ? 0 : 2 * Math.exp(score.mean()) - 1;
            out.add(new RewardScore(value, score.promptTokenIds().size() + score.continuationTokenIds().size()));
        }
        return out;
    }
}
