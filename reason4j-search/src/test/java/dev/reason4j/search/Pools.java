package dev.reason4j.search;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.reason4j.exec.ExecException;
import dev.reason4j.exec.ExecLimits;
import dev.reason4j.exec.PythonPoolConfig;
import dev.reason4j.exec.PythonWorkerPool;
import java.time.Duration;
import java.util.List;

/** Real CPython pools for tests: stdlib preload only (fast start), short timeouts. */
final class Pools {

    private Pools() {}

    /** Starts a pool, or skips the test when no usable python3 is installed. */
    static PythonWorkerPool start() {
        try {
            return PythonWorkerPool.start(PythonPoolConfig.defaults()
                    .withWorkers(2)
                    .withPreload(List.of("math", "fractions"))
                    .withLimits(ExecLimits.DEFAULT.withTimeout(Duration.ofSeconds(5)).withMaxOutputChars(4096))
                    .withSnapshotsPerWorker(16));
        } catch (ExecException e) {
            assumeTrue(false, "no usable python3: " + e.getMessage());
            throw e;
        }
    }
}
