package dev.reason4j.exec;

/**
 * Runs untrusted Python code for reasoning steps. Implementations are thread-safe; each call blocks until its
 * result is known (calls from several threads run in parallel up to the executor's worker count).
 */
public interface CodeExecutor extends AutoCloseable {

    /** Runs one call. Never throws for anything the code does: that is reported in the result. */
    ExecResult execute(ExecRequest request);

    /** The limits used when a call does not give its own. */
    ExecLimits defaultLimits();

    /** Which protections are active. */
    SandboxReport sandbox();

    /** Runs a standalone snippet with the default limits. */
    default ExecResult run(String code) {
        return execute(ExecRequest.snippet(code, defaultLimits()));
    }

    /**
     * Runs step {@code code} after {@code prefix} with the default limits, keeping the resulting state; extend
     * with {@code prefix.then(code)}. Step k's stdout is what step k printed.
     */
    default ExecResult runStep(CodePrefix prefix, String code) {
        return execute(ExecRequest.step(prefix, code, defaultLimits()));
    }

    @Override
    void close();
}
