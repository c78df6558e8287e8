package dev.reason4j.lm.reward;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;

/**
 * Scores (prompt, trajectory) pairs in batches: the reward signal of tree search and self-evolution.
 *
 * <p>Three kinds, after rStar-Math (Guan et al., "rStar-Math: Small LLMs Can Master Math Reasoning with Self-Evolved
 * Deep Thinking", arXiv:2501.04519, 2025):
 * <ul>
 *   <li>{@link Kind#PROCESS}: a process preference or reward model (PPM/PRM) scores partial trajectories, so search
 *       can judge a step before the solution ends. rStar-Math's PPM is the policy's backbone with a scalar head
 *       read at the last token, trained with a pairwise loss on (correct-leading, wrong-leading) step pairs; its
 *       inference score is {@code tanh(raw / 5)} ({@link ValueTransform}).</li>
 *   <li>{@link Kind#OUTCOME}: an outcome reward model (ORM) scores complete trajectories only.</li>
 *   <li>{@link Kind#ORACLE}: grades a complete trajectory's final answer against the gold answer carried by the
 *       request (terminal rewards ±1 when synthesising training data).</li>
 * </ul>
 *
 * <p>Template method: {@link #score(List)} checks the batch against {@link #kind()} (outcome and oracle models get
 * only complete trajectories, oracles only requests with a reference), calls the one abstract method
 * {@link #doScore}, checks its answer and counts calls, requests and tokens into {@link #usage()}. Implementations
 * get batches that are already valid and score them together (one forward pass where they can).
 */
public abstract class RewardModel implements AutoCloseable {

    /** What a model can score. */
    public enum Kind {
        /** Partial and complete trajectories (PPM, PRM). */
        PROCESS,
        /** Complete trajectories (ORM). */
        OUTCOME,
        /** Complete trajectories whose request carries the gold answer. */
        ORACLE
    }

    private final LongAdder calls = new LongAdder();
    private final LongAdder requests = new LongAdder();
    private final LongAdder tokens = new LongAdder();

    /** A name for logs and run records (a directory name, "oracle"). */
    public abstract String id();

    public abstract Kind kind();

    /** Scores one request. */
    public final RewardScore score(RewardRequest request) {
        return score(List.of(request)).get(0);
    }

    /**
     * Scores a batch.
     *
     * @return one score per request, in order
     * @throws IllegalArgumentException when the batch is empty or a request does not suit this kind of model
     */
    public final List<RewardScore> score(List<RewardRequest> batch) {
        Objects.requireNonNull(batch, "batch");
        if (batch.isEmpty()) {
            throw new IllegalArgumentException("batch must not be empty");
        }
        for (int i = 0; i < batch.size(); i++) {
            RewardRequest request = Objects.requireNonNull(batch.get(i), "batch[" + i + "]");
            if (kind() != Kind.PROCESS && !request.complete()) {
                throw new IllegalArgumentException("batch[" + i + "]: " + id() + " is an " + kind().name().toLowerCase(Locale.ROOT)
                        + " model and scores only complete trajectories");
            }
            if (kind() == Kind.ORACLE && request.reference() == null) {
                throw new IllegalArgumentException("batch[" + i + "]: the oracle " + id() + " needs the gold answer");
            }
        }
        List<RewardRequest> copy = List.copyOf(batch);
        List<RewardScore> scores = doScore(copy);
        if (scores.size() != copy.size()) {
            throw new IllegalStateException(getClass().getSimpleName() + " returned " + scores.size() + " scores for "
                    + copy.size() + " requests");
        }
        for (int i = 0; i < scores.size(); i++) {
            tokens.add(Objects.requireNonNull(scores.get(i), "scores[" + i + "]").tokens());
        }
        calls.increment();
        requests.add(copy.size());
        return List.copyOf(scores);
    }

    /**
     * Scores a validated batch: every request suits {@link #kind()}.
     *
     * @return one score per request, in order
     */
    protected abstract List<RewardScore> doScore(List<RewardRequest> batch);

    /** Calls, requests and tokens since this model was created. */
    public final RewardUsage usage() {
        return new RewardUsage(calls.sum(), requests.sum(), tokens.sum());
    }

    /** Releases what the model holds. */
    @Override
    public void close() {}
}
