package dev.reason4j.exec;

import java.io.IOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;

/**
 * Starts a pool's worker processes, all from one platform thread that lives until the pool closes.
 *
 * <p>Bubblewrap's {@code --die-with-parent} is {@code prctl(PR_SET_PDEATHSIG, SIGKILL)}, and Linux sends that
 * signal when the <em>thread</em> that created the process ends, not when the JVM does. A worker started from a
 * virtual thread therefore died with exit code 137 once that thread's carrier retired (the JDK retires carriers
 * after 30 s without virtual threads to run), in the middle of whatever call it was running; one started from any
 * short-lived thread dies as soon as that thread ends. Started from here, workers live until {@link #close()}
 * ends this thread, and still die with the JVM.
 */
final class WorkerSpawner implements AutoCloseable {

    // A single-thread executor keeps its thread until shutdown; tasks go through submit, so a start that throws
    // is captured in its Future and cannot end the thread (which would take its workers with it).
    private final ExecutorService thread;

    WorkerSpawner(String threadName) {
        this.thread = Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().name(threadName).factory());
    }

    /** Starts {@code builder}'s process on the spawning thread and returns it. */
    Process start(ProcessBuilder builder) throws IOException {
        Future<Process> started;
        try {
            started = thread.submit(builder::start);
        } catch (RejectedExecutionException e) {
            throw new IOException("the worker pool is closed", e);
        }
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return started.get(); // waits even when interrupted: a started process must not be lost
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof IOException io) {
                        throw io;
                    }
                    throw new IOException("cannot start " + builder.command().get(0) + ": " + e.getCause(),
                            e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Ends the spawning thread; under bubblewrap the kernel then kills any worker still running. */
    @Override
    public void close() {
        thread.shutdown();
    }
}
