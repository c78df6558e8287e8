package dev.reason4j.core.grading;

import java.time.Duration;
import java.util.Objects;

/**
 * How answers are compared. Immutable; build with {@link #builder()} or start from {@link #defaults()}.
 *
 * @param relativeTolerance how far a decimal approximation may be from a non-integer value (default 1e-4)
 * @param percentPolicy what a one-sided percent sign means (default {@link PercentPolicy#EITHER})
 * @param timeBudget the most one comparison may take; over it the verdict is "not equal" with that reason (2 s)
 * @param maxAnswerChars longer answers are compared as text only (default 10,000 characters)
 * @param seed seeds the random points of symbolic comparisons, so verdicts are reproducible
 * @param extraction how the final answer is found in a whole response
 */
public record GraderOptions(
        double relativeTolerance,
        PercentPolicy percentPolicy,
        Duration timeBudget,
        int maxAnswerChars,
        long seed,
        ExtractionOptions extraction) {

    public GraderOptions {
        if (!(relativeTolerance >= 0 && relativeTolerance < 1)) {
            throw new IllegalArgumentException("relativeTolerance must be in [0, 1), got " + relativeTolerance);
        }
        Objects.requireNonNull(percentPolicy, "percentPolicy");
        Objects.requireNonNull(extraction, "extraction");
        if (timeBudget == null || timeBudget.isNegative() || timeBudget.isZero()) {
            throw new IllegalArgumentException("timeBudget must be positive, got " + timeBudget);
        }
        if (maxAnswerChars < 1) {
            throw new IllegalArgumentException("maxAnswerChars must be at least 1, got " + maxAnswerChars);
        }
    }

    public static GraderOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder()
                .relativeTolerance(relativeTolerance)
                .percentPolicy(percentPolicy)
                .timeBudget(timeBudget)
                .maxAnswerChars(maxAnswerChars)
                .seed(seed)
                .extraction(extraction);
    }

    /** Builder for {@link GraderOptions}; every setter has a sensible default. */
    public static final class Builder {
        private double relativeTolerance = 1e-4;
        private PercentPolicy percentPolicy = PercentPolicy.EITHER;
        private Duration timeBudget = Duration.ofSeconds(2);
        private int maxAnswerChars = 10_000;
        private long seed = 20_241_231L;
        private ExtractionOptions extraction = ExtractionOptions.mathStyle();

        private Builder() {}

        public Builder relativeTolerance(double relativeTolerance) {
            this.relativeTolerance = relativeTolerance;
            return this;
        }

        public Builder percentPolicy(PercentPolicy percentPolicy) {
            this.percentPolicy = percentPolicy;
            return this;
        }

        public Builder timeBudget(Duration timeBudget) {
            this.timeBudget = timeBudget;
            return this;
        }

        public Builder maxAnswerChars(int maxAnswerChars) {
            this.maxAnswerChars = maxAnswerChars;
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public Builder extraction(ExtractionOptions extraction) {
            this.extraction = extraction;
            return this;
        }

        public GraderOptions build() {
            return new GraderOptions(relativeTolerance, percentPolicy, timeBudget, maxAnswerChars, seed, extraction);
        }
    }
}
