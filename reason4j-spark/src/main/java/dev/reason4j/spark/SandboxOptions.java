package dev.reason4j.spark;

import dev.reason4j.exec.PythonPoolConfig;
import java.io.Serializable;
import java.util.Objects;

/**
 * The Python sandbox each executor starts for code steps: the pool {@code reason4j eval} starts, with the same
 * limits, isolation (bubblewrap where installed) and preloaded modules; only the interpreter and the number of
 * workers are options.
 *
 * @param python the Python command on the executors
 * @param workers Python workers per executor JVM, shared by its tasks
 */
public record SandboxOptions(String python, int workers) implements Serializable {

    public SandboxOptions {
        Objects.requireNonNull(python, "python");
        poolConfig(python, workers); // names a bad value
    }

    PythonPoolConfig poolConfig() {
        return poolConfig(python, workers);
    }

    private static PythonPoolConfig poolConfig(String python, int workers) {
        return PythonPoolConfig.defaults().withPython(python).withWorkers(workers);
    }
}
