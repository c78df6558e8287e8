package dev.reason4j.exec;

import java.time.Duration;
import java.util.Objects;

/**
 * Limits for one call. A pool's limits are also the ceiling for its calls: memory and output may be tightened
 * per call, never loosened (they are kernel hard limits and a shared buffer size inside the worker).
 *
 * @param timeout wall-clock limit; the call's process group is killed when it passes
 * @param cpuTime CPU-time limit (whole seconds, rounded up), stops a call that burns CPU on several threads
 * @param memoryBytes address-space limit of the call process (includes the interpreter and preloaded modules)
 * @param maxOutputChars how much of the output is returned; longer output keeps its head and tail
 */
public record ExecLimits(Duration timeout, Duration cpuTime, long memoryBytes, int maxOutputChars) {

    static final long MIN_MEMORY_BYTES = 128L << 20;
    static final int MIN_OUTPUT_CHARS = 64;
    static final int MAX_OUTPUT_CHARS = 1 << 20;
    private static final Duration MAX_TIME = Duration.ofHours(1);

    /** 10 s wall clock and CPU, 1 GiB address space, 1024 output characters. */
    public static final ExecLimits DEFAULT =
            new ExecLimits(Duration.ofSeconds(10), Duration.ofSeconds(10), 1L << 30, 1024);

    public ExecLimits {
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(cpuTime, "cpuTime");
        if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(MAX_TIME) > 0) {
            throw new IllegalArgumentException("timeout must be in (0, 1 h], got " + timeout);
        }
        if (cpuTime.compareTo(Duration.ofSeconds(1)) < 0 || cpuTime.compareTo(MAX_TIME) > 0) {
            throw new IllegalArgumentException("cpuTime must be in [1 s, 1 h], got " + cpuTime);
        }
        if (memoryBytes < MIN_MEMORY_BYTES) {
            throw new IllegalArgumentException(
                    "memoryBytes must be >= " + MIN_MEMORY_BYTES + " (128 MiB), got " + memoryBytes);
        }
        if (maxOutputChars < MIN_OUTPUT_CHARS || maxOutputChars > MAX_OUTPUT_CHARS) {
            throw new IllegalArgumentException("maxOutputChars must be in [" + MIN_OUTPUT_CHARS + ", "
                    + MAX_OUTPUT_CHARS + "], got " + maxOutputChars);
        }
    }

    /** These limits with a new wall-clock timeout; the CPU limit follows it (rounded up to whole seconds). */
    public ExecLimits withTimeout(Duration newTimeout) {
        Objects.requireNonNull(newTimeout, "timeout");
        long seconds = Math.max(1, (newTimeout.toMillis() + 999) / 1000);
        return new ExecLimits(newTimeout, Duration.ofSeconds(seconds), memoryBytes, maxOutputChars);
    }

    public ExecLimits withMemoryBytes(long bytes) {
        return new ExecLimits(timeout, cpuTime, bytes, maxOutputChars);
    }

    public ExecLimits withMaxOutputChars(int chars) {
        return new ExecLimits(timeout, cpuTime, memoryBytes, chars);
    }

    /** CPU limit in whole seconds, rounded up. */
    long cpuSeconds() {
        return (cpuTime.toMillis() + 999) / 1000;
    }

    /** Throws when these limits are looser than the pool's in memory or output. */
    void requireWithin(ExecLimits pool) {
        if (memoryBytes > pool.memoryBytes) {
            throw new IllegalArgumentException("memoryBytes " + memoryBytes + " exceeds the pool's limit "
                    + pool.memoryBytes + "; configure the pool with the larger limit");
        }
        if (maxOutputChars > pool.maxOutputChars) {
            throw new IllegalArgumentException("maxOutputChars " + maxOutputChars + " exceeds the pool's limit "
                    + pool.maxOutputChars + "; configure the pool with the larger limit");
        }
    }
}
