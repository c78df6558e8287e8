package dev.reason4j.lm.openai;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How often and how patiently a failed request is sent again. Only {@linkplain OpenAiException.Kind#retriable()
 * retriable} failures (429, 5xx, timeouts, lost connections) are retried, each attempt to the least-loaded healthy
 * endpoint, so a dead server is left for another one at once.
 *
 * <p>The pause before attempt {@code k + 1} is {@code initialBackoff * multiplier^(k-1)}, capped at {@code maxBackoff},
 * spread by ±{@code jitter} so that many clients do not come back in step; a server's {@code Retry-After} wins when
 * it asks for longer (still capped).
 *
 * @param maxAttempts attempts in all, {@code >= 1} (1 means no retry)
 * @param initialBackoff pause after the first failure
 * @param maxBackoff longest pause
 * @param multiplier growth per attempt, {@code >= 1}
 * @param jitter relative spread in {@code [0, 1)}
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, double multiplier, double jitter) {

    /** 5 attempts, 200 ms doubling to at most 5 s, ±20 %. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(5, Duration.ofMillis(200), Duration.ofSeconds(5), 2, 0.2);

    /** One attempt, no retry. */
    public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, Duration.ZERO, 1, 0);

    public RetryPolicy {
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be >= 1, was " + maxAttempts);
        }
        if (initialBackoff.isNegative()) {
            throw new IllegalArgumentException("initialBackoff must be >= 0, was " + initialBackoff);
        }
        if (maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException(
                    "maxBackoff must be >= initialBackoff (" + initialBackoff + "), was " + maxBackoff);
        }
        if (!(multiplier >= 1) || Double.isInfinite(multiplier)) {
            throw new IllegalArgumentException("multiplier must be a finite number >= 1, was " + multiplier);
        }
        if (!(jitter >= 0 && jitter < 1)) {
            throw new IllegalArgumentException("jitter must be in [0, 1), was " + jitter);
        }
    }

    /**
     * The pause after failed attempt number {@code attempt} (1-based).
     *
     * @param retryAfter what the server asked for, or {@code null}
     */
    public Duration backoff(int attempt, Duration retryAfter) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt must be >= 1, was " + attempt);
        }
        double base = initialBackoff.toNanos() * Math.pow(multiplier, attempt - 1);
        double spread = jitter == 0 ? 1 : 1 + ThreadLocalRandom.current().nextDouble(-jitter, jitter);
        long nanos = (long) Math.min(base * spread, maxBackoff.toNanos());
        if (retryAfter != null) {
            nanos = Math.max(nanos, Math.min(retryAfter.toNanos(), maxBackoff.toNanos()));
        }
        return Duration.ofNanos(nanos);
    }
}
