package dev.reason4j.exec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** One worker process and its line-based JSON protocol (see worker.py). Used by one thread at a time. */
final class PythonWorker {

    /** Why a worker could not answer: it exited, stopped answering or broke the protocol. */
    static final class WorkerFailure extends Exception {
        WorkerFailure(String message) {
            super(message);
        }
    }

    private static final String END_OF_STREAM = "\u0000eof";
    private static final int STDERR_LINES = 40;

    private final Process process;
    private final OutputStream stdin;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final Deque<String> stderrTail = new ArrayDeque<>();
    private final ObjectMapper json;
    private final JsonNode ready;

    private PythonWorker(Process process, ObjectMapper json, String name, Duration startupTimeout)
            throws WorkerFailure {
        this.process = process;
        this.json = json;
        this.stdin = process.getOutputStream();
        Thread.ofPlatform().daemon().name(name + "-out").start(() -> pumpLines(process.getInputStream()));
        Thread.ofPlatform().daemon().name(name + "-err").start(() -> pumpStderr(process.getErrorStream()));
        JsonNode first;
        try {
            first = awaitLine(startupTimeout, "start");
        } catch (WorkerFailure e) {
            kill(); // a worker too slow to start must not linger
            throw e;
        }
        if (!first.path("ready").asBoolean(false)) {
            kill();
            throw new WorkerFailure("worker sent " + first + " instead of its ready message");
        }
        this.ready = first;
    }

    /** Takes over a just started worker process and waits for its ready message. */
    static PythonWorker start(Process process, ObjectMapper json, String name, Duration startupTimeout)
            throws WorkerFailure {
        return new PythonWorker(process, json, name, startupTimeout);
    }

    /** The worker's start-up report: hardening flags, python version, preloaded and missing modules. */
    JsonNode ready() {
        return ready;
    }

    /** Sends one request and waits up to {@code wait} for its response. */
    JsonNode call(String requestLine, Duration wait) throws WorkerFailure {
        try {
            stdin.write((requestLine + "\n").getBytes(StandardCharsets.UTF_8));
            stdin.flush();
        } catch (IOException e) {
            throw new WorkerFailure("worker stopped accepting requests: " + e.getMessage() + diagnostics());
        }
        return awaitLine(wait, "answer");
    }

    private JsonNode awaitLine(Duration wait, String what) throws WorkerFailure {
        String line;
        try {
            line = lines.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WorkerFailure("interrupted while waiting for the worker");
        }
        if (line == null) {
            throw new WorkerFailure("worker did not " + what + " within " + wait.toMillis() + " ms");
        }
        if (line.equals(END_OF_STREAM)) {
            throw new WorkerFailure("worker exited" + exitDescription() + diagnostics());
        }
        try {
            return json.readTree(line);
        } catch (IOException e) {
            throw new WorkerFailure("worker sent a malformed line: " + abbreviate(line));
        }
    }

    boolean alive() {
        return process.isAlive();
    }

    /** Ends the worker: closes its input (it drops its snapshots and exits), then kills what is left. */
    void close() {
        try {
            stdin.close();
            process.waitFor(2, TimeUnit.SECONDS);
        } catch (IOException e) {
            // already gone
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        kill();
    }

    /** Kills the worker and everything it started (under bubblewrap: the whole pid namespace). */
    void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    /** Number of live processes under this worker: itself, snapshots, calls, anything that escaped. */
    long processCount() {
        return process.descendants().filter(ProcessHandle::isAlive).count();
    }

    private String exitDescription() {
        try {
            if (process.waitFor(1, TimeUnit.SECONDS)) {
                return " with code " + process.exitValue();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "";
    }

    private String diagnostics() {
        synchronized (stderrTail) {
            return stderrTail.isEmpty() ? "" : "; its stderr ends with:\n" + String.join("\n", stderrTail);
        }
    }

    private void pumpLines(InputStream in) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null; ) {
                lines.add(line);
            }
        } catch (IOException e) {
            // the stream closes when the worker dies; END_OF_STREAM tells the waiting caller
        } finally {
            lines.add(END_OF_STREAM);
        }
    }

    private void pumpStderr(InputStream in) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null; ) {
                synchronized (stderrTail) {
                    stderrTail.addLast(abbreviate(line));
                    if (stderrTail.size() > STDERR_LINES) {
                        stderrTail.removeFirst();
                    }
                }
            }
        } catch (IOException e) {
            // worker gone
        }
    }

    private static String abbreviate(String line) {
        return line.length() <= 300 ? line : line.substring(0, 300) + "...";
    }
}
