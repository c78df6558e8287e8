/**
 * Sandboxed execution of model-written Python for code-augmented reasoning steps (rStar-Math's "code-augmented
 * CoT": a step survives only if its code runs).
 *
 * <p>{@link dev.reason4j.exec.PythonWorkerPool} keeps warm CPython workers and runs each call in a forked,
 * limited child process; {@link dev.reason4j.exec.SandboxReport} says which protections are active on this
 * machine (bubblewrap adds file-system and pid isolation). Trajectories run incrementally: see
 * {@link dev.reason4j.exec.CodePrefix}.
 */
package dev.reason4j.exec;
