package dev.reason4j.search;

import dev.reason4j.lm.reward.RewardModel;
import dev.reason4j.lm.reward.RewardRequest;
import dev.reason4j.lm.reward.RewardScore;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** A process reward model test double: scores a trajectory's text with a function. */
final class ScriptedReward extends RewardModel {

    private final ToDoubleFunction<String> score;
    private final Kind kind;

    ScriptedReward(Kind kind, ToDoubleFunction<String> score) {
        this.kind = kind;
        this.score = score;
    }

    @Override
    public String id() {
        return "scripted-" + kind.name().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public Kind kind() {
        return kind;
    }

    @Override
    protected List<RewardScore> doScore(List<RewardRequest> batch) {
        return batch.stream().map(r -> new RewardScore(score.applyAsDouble(r.trajectory()), r.trajectory().length())).toList();
    }
}
