package dev.reason4j.exec;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Configuration of a {@link PythonWorkerPool}.
 *
 * @param python the python command or path; resolved once to the real interpreter (so a pyenv shim is not paid
 *     on every worker start)
 * @param workers number of worker processes (calls that run in parallel)
 * @param limits default limits, and the ceiling for per-call memory and output limits
 * @param sandbox isolation mode
 * @param allowList modules a snippet may import
 * @param preload modules imported once per worker, so calls get them without import cost (missing ones are
 *     skipped and reported)
 * @param snapshotsPerWorker kept trajectory states per worker (each is an idle process sharing pages with its
 *     parent); 0 disables incremental execution, so every step replays its prefix
 * @param scratchBytes size of a worker's scratch tmpfs under bubblewrap, and the largest file a call may write
 * @param scratchRoot where scratch directories are made when bubblewrap is not used
 * @param startupTimeout how long a worker may take to start (preloading sympy takes a while on a busy machine)
 */
public record PythonPoolConfig(
        String python,
        int workers,
        ExecLimits limits,
        SandboxMode sandbox,
        ModuleAllowList allowList,
        List<String> preload,
        int snapshotsPerWorker,
        long scratchBytes,
        Path scratchRoot,
        Duration startupTimeout) {

    /**
     * math, fractions, itertools and sympy (when installed): what model-written math code imports. numpy is left
     * out: every preloaded megabyte is paid again by each call's fork and exit, and math steps rarely need it
     * (a snippet that imports numpy still gets it, at ~0.1 s import cost).
     */
    public static final List<String> DEFAULT_PRELOAD = List.of("math", "fractions", "itertools", "sympy");

    private static final Pattern MODULE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*");

    public PythonPoolConfig {
        Objects.requireNonNull(python, "python");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(sandbox, "sandbox");
        Objects.requireNonNull(allowList, "allowList");
        Objects.requireNonNull(scratchRoot, "scratchRoot");
        Objects.requireNonNull(startupTimeout, "startupTimeout");
        preload = List.copyOf(preload);
        if (python.isBlank()) {
            throw new IllegalArgumentException("python must name a command or path, got '" + python + "'");
        }
        if (workers < 1 || workers > 256) {
            throw new IllegalArgumentException("workers must be in [1, 256], got " + workers);
        }
        for (String module : preload) {
            if (!MODULE.matcher(module).matches()) {
                throw new IllegalArgumentException("preload must hold module names, got '" + module + "'");
            }
        }
        if (snapshotsPerWorker < 0 || snapshotsPerWorker > 1024) {
            throw new IllegalArgumentException("snapshotsPerWorker must be in [0, 1024], got " + snapshotsPerWorker);
        }
        if (scratchBytes < (1L << 20)) {
            throw new IllegalArgumentException("scratchBytes must be >= 1 MiB, got " + scratchBytes);
        }
        if (startupTimeout.isNegative() || startupTimeout.isZero()) {
            throw new IllegalArgumentException("startupTimeout must be positive, got " + startupTimeout);
        }
    }

    /** python3 on PATH, 2 workers, {@link ExecLimits#DEFAULT}, bubblewrap when available, no allow-list. */
    public static PythonPoolConfig defaults() {
        return new PythonPoolConfig("python3", 2, ExecLimits.DEFAULT, SandboxMode.AUTO, ModuleAllowList.ANY,
                DEFAULT_PRELOAD, 32, 64L << 20, Path.of(System.getProperty("java.io.tmpdir")),
                Duration.ofSeconds(60));
    }

    public PythonPoolConfig withPython(String command) {
        return new PythonPoolConfig(command, workers, limits, sandbox, allowList, preload, snapshotsPerWorker,
                scratchBytes, scratchRoot, startupTimeout);
    }

    public PythonPoolConfig withWorkers(int count) {
        return new PythonPoolConfig(python, count, limits, sandbox, allowList, preload, snapshotsPerWorker,
                scratchBytes, scratchRoot, startupTimeout);
    }

    public PythonPoolConfig withLimits(ExecLimits newLimits) {
        return new PythonPoolConfig(python, workers, newLimits, sandbox, allowList, preload, snapshotsPerWorker,
                scratchBytes, scratchRoot, startupTimeout);
    }

    public PythonPoolConfig withSandbox(SandboxMode mode) {
        return new PythonPoolConfig(python, workers, limits, mode, allowList, preload, snapshotsPerWorker,
                scratchBytes, scratchRoot, startupTimeout);
    }

    public PythonPoolConfig withAllowList(ModuleAllowList list) {
        return new PythonPoolConfig(python, workers, limits, sandbox, list, preload, snapshotsPerWorker,
                scratchBytes, scratchRoot, startupTimeout);
    }

    public PythonPoolConfig withPreload(List<String> modules) {
        return new PythonPoolConfig(python, workers, limits, sandbox, allowList, modules, snapshotsPerWorker,
                scratchBytes, scratchRoot, startupTimeout);
    }

    public PythonPoolConfig withSnapshotsPerWorker(int count) {
        return new PythonPoolConfig(python, workers, limits, sandbox, allowList, preload, count,
                scratchBytes, scratchRoot, startupTimeout);
    }

    public PythonPoolConfig withScratchRoot(Path root) {
        return new PythonPoolConfig(python, workers, limits, sandbox, allowList, preload, snapshotsPerWorker,
                scratchBytes, root, startupTimeout);
    }
}
