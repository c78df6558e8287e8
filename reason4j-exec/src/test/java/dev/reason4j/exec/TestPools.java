package dev.reason4j.exec;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Pools for tests: real CPython, stdlib preload only (fast restarts), short timeouts. */
final class TestPools {

    static final List<String> STDLIB_PRELOAD = List.of("math", "fractions", "itertools");
    private static Optional<Boolean> pythonPresent = Optional.empty();
    private static Optional<Boolean> bubblewrapUsable = Optional.empty();

    private TestPools() {}

    static PythonPoolConfig config(SandboxMode mode, Path scratchRoot) {
        return PythonPoolConfig.defaults()
                .withSandbox(mode)
                .withWorkers(2)
                .withPreload(STDLIB_PRELOAD)
                .withLimits(ExecLimits.DEFAULT.withTimeout(Duration.ofSeconds(2)).withMaxOutputChars(4096))
                .withSnapshotsPerWorker(8)
                .withScratchRoot(scratchRoot);
    }

    /** Skips the test when no python3 >= 3.8 is installed (the executor needs a real CPython). */
    static synchronized void assumePython() {
        if (pythonPresent.isEmpty()) {
            boolean present;
            try {
                PythonInterpreter.resolve("python3");
                present = true;
            } catch (ExecException e) {
                present = false;
            }
            pythonPresent = Optional.of(present);
        }
        assumeTrue(pythonPresent.get(), "python3 >= 3.8 is not installed");
    }

    /** Whether bubblewrap is installed and works on this machine. */
    static synchronized boolean bubblewrapUsable() {
        if (bubblewrapUsable.isEmpty()) {
            boolean usable = false;
            Optional<Path> bwrap = Bubblewrap.find();
            if (bwrap.isPresent()) {
                try {
                    PythonInterpreter python = PythonInterpreter.resolve("python3");
                    usable = Bubblewrap.problem(Bubblewrap.command(bwrap.get(), python, 64L << 20), python).isEmpty();
                } catch (Exception e) {
                    usable = false;
                }
            }
            bubblewrapUsable = Optional.of(usable);
        }
        return bubblewrapUsable.get();
    }
}
