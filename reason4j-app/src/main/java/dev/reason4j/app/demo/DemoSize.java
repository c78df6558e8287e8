package dev.reason4j.app.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.util.Map;
import java.util.Objects;

/**
 * How much work each part of the demo does: the problem counts, rollouts and training steps of one mode. Nearly all
 * of the demo's time is token generation, most of it by the two MCTS strategies. With the shipped models on two CPU
 * cores (one libtorch thread) {@link #quick()} took 3 minutes (strategies 15 s per problem) and {@link #full()} is
 * sized to stay under 20. {@link #tiny()} only checks the plumbing (tests).
 *
 * @param name {@code quick}, {@code full} or {@code tiny}
 * @param testProblems held-out problems of parts (a) and (b); the world cycles through tiers 1–8, so the first
 *     {@code 8k} problems hold {@code k} of each tier
 * @param search part (a)
 * @param analysisSamples part (b): responses sampled per held-out problem
 * @param maxTokens parts (b) and (c): most tokens per sampled response
 * @param shorten part (c), the overthinking self-training
 * @param prune part (c), O1-Pruner
 */
public record DemoSize(String name, int testProblems, Search search, int analysisSamples, int maxTokens, Recipe shorten,
        Recipe prune) {

    public DemoSize {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(search, "search");
        Objects.requireNonNull(shorten, "shorten");
        Objects.requireNonNull(prune, "prune");
        positive("testProblems", testProblems);
        positive("analysisSamples", analysisSamples);
        positive("maxTokens", maxTokens);
        for (Recipe r : new Recipe[] {shorten, prune}) {
            if (r.evalProblems() > testProblems) {
                throw new IllegalArgumentException("evalProblems of a recipe must be <= testProblems (" + testProblems
                        + "), was " + r.evalProblems());
            }
        }
    }

    /**
     * The search strategies' settings.
     *
     * @param samples trajectories of maj@k and best-of-k
     * @param beamWidth beams kept by PRM beam search
     * @param beamSamples next steps sampled per beam
     * @param candidates next steps per MCTS expansion
     * @param rollouts MCTS rollouts per problem (adaptive MCTS: the pool's share per problem, at most twice that)
     * @param maxStepTokens most tokens per step (a trained model ends its steps long before: this bounds one that
     *     does not)
     * @param maxDepth most steps per trajectory (the testbed's tier-8 overthinking solutions take up to 18)
     */
    public record Search(int samples, int beamWidth, int beamSamples, int candidates, int rollouts, int maxStepTokens,
            int maxDepth) {
        public Search {
            positive("samples", samples);
            positive("beamWidth", beamWidth);
            positive("beamSamples", beamSamples);
            positive("candidates", candidates);
            positive("rollouts", rollouts);
            positive("maxStepTokens", maxStepTokens);
            positive("maxDepth", maxDepth);
        }
    }

    /**
     * A recipe's run.
     *
     * @param trainProblems training problems sampled and trained on
     * @param evalProblems held-out problems the models are compared on (the first of part (a)'s)
     * @param samples K, responses sampled per training problem
     * @param trainedSamples O1-Pruner's m, samples per problem trained on ({@code <= samples}; shorten ignores it)
     * @param steps optimizer steps of each training run
     * @param learningRate peak learning rate of each training run
     */
    public record Recipe(int trainProblems, int evalProblems, int samples, int trainedSamples, int steps,
            double learningRate) {
        public Recipe {
            positive("trainProblems", trainProblems);
            positive("evalProblems", evalProblems);
            positive("samples", samples);
            positive("steps", steps);
            if (trainedSamples < 1 || trainedSamples > samples) {
                throw new IllegalArgumentException("trainedSamples must be in [1, samples = " + samples + "], was "
                        + trainedSamples);
            }
            if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
                throw new IllegalArgumentException("learningRate must be a finite number > 0, was " + learningRate);
            }
        }
    }

    /** Five minutes: one problem per tier, short searches, recipes on eight problems with a few training steps. */
    public static DemoSize quick() {
        return new DemoSize("quick", 8, new Search(8, 2, 2, 3, 4, 256, 24), 4, 512,
                new Recipe(8, 8, 4, 4, 8, 1e-4), new Recipe(8, 8, 4, 4, 8, 1e-4));
    }

    /** Twenty minutes: three problems per tier, longer searches, recipes on 32 problems. */
    public static DemoSize full() {
        return new DemoSize("full", 24, new Search(8, 4, 2, 3, 8, 256, 24), 8, 640,
                new Recipe(32, 16, 4, 4, 24, 1e-4), new Recipe(32, 16, 4, 4, 24, 1e-4));
    }

    /** Seconds on the random-weight test fixture: every part runs, on two problems, with a step of training. */
    static DemoSize tiny() {
        return new DemoSize("tiny", 2, new Search(2, 1, 2, 2, 2, 8, 2), 2, 16,
                new Recipe(3, 2, 2, 2, 1, 1e-4), new Recipe(3, 2, 2, 2, 1, 1e-4));
    }

    /** The sizes as nested maps with snake-case keys, like the rest of the demo's files (and run.json's config). */
    @SuppressWarnings("unchecked")
    Map<String, Object> toConfig() {
        return new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .convertValue(this, Map.class);
    }

    /** Training problems the world must hold for both recipes. */
    int trainProblems() {
        return Math.max(shorten.trainProblems(), prune.trainProblems());
    }

    private static void positive(String field, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(field + " must be >= 1, was " + value);
        }
    }
}
