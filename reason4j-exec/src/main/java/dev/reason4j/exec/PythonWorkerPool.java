package dev.reason4j.exec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reason4j.core.util.FileTrees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A pool of warm CPython workers that run untrusted snippets in a sandbox.
 *
 * <p>Each worker is a long-lived interpreter (inside bubblewrap when available) that has preloaded the math
 * libraries; every call runs in a child forked from it, as its own session, with rlimits, seccomp, an audit
 * hook, a private scratch directory and no network, so calls never see each other's state. A call that times
 * out is killed with its process group; a worker that crashes or stops answering is killed with everything
 * under it and replaced in the background. {@link #sandbox()} says which protections are active; it is also
 * logged at start-up. Trajectory steps run incrementally from kept snapshots, see {@link CodePrefix}.
 */
public final class PythonWorkerPool implements CodeExecutor {

    private static final System.Logger LOG = System.getLogger(PythonWorkerPool.class.getName());
    /**
     * Time the worker gets beyond the call's timeout to kill it and answer, before the JVM gives up on it. The
     * worker needs about 1 s at most (kill the call, wait up to 1 s for it to exit, clean up; under two busy
     * loops on two cores it answered within 0.35 s); the rest is room for a loaded machine.
     */
    private static final Duration ANSWER_GRACE = Duration.ofSeconds(5);
    private static final int START_ATTEMPTS = 3;

    private static final class Slot {
        final int index;
        PythonWorker worker;
        boolean busy;
        ExecException broken;

        Slot(int index) {
            this.index = index;
        }
    }

    private final PythonPoolConfig config;
    private final WorkerLauncher launcher;
    private final WorkerSpawner spawner = new WorkerSpawner("reason4j-exec-spawner");
    private final SandboxReport report;
    private final Path hostScratch;
    private final ObjectMapper json = new ObjectMapper();
    private final List<Slot> slots = new ArrayList<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition slotsChanged = lock.newCondition();
    private final Map<String, Integer> snapshotOwners;
    private final AtomicLong requestIds = new AtomicLong();
    private boolean closed;

    private PythonWorkerPool(PythonPoolConfig config, WorkerLauncher launcher, Path hostScratch,
            SandboxMode mode, PythonInterpreter python, List<String> notes) {
        this.config = config;
        this.launcher = launcher;
        this.hostScratch = hostScratch;
        int ownerCapacity = Math.max(16, 2 * config.workers() * config.snapshotsPerWorker());
        this.snapshotOwners = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Integer> eldest) {
                return size() > ownerCapacity;
            }
        };
        for (int i = 0; i < config.workers(); i++) {
            slots.add(new Slot(i));
        }
        startAll();
        JsonNode ready = slots.get(0).worker.ready();
        List<String> allNotes = new ArrayList<>(notes);
        ready.path("missing").forEach(m -> allNotes.add("module '" + m.asText() + "' is not installed, not preloaded"));
        this.report = new SandboxReport(mode, python.toString(), protections(mode, ready), allNotes);
    }

    /** Resolves python, picks the sandbox, starts the workers and logs which protections are active. */
    public static PythonWorkerPool start(PythonPoolConfig config) {
        PythonInterpreter python = PythonInterpreter.resolve(config.python());
        List<String> notes = new ArrayList<>();
        List<String> bubblewrap = chooseBubblewrap(config, python, notes);
        SandboxMode mode = bubblewrap.isEmpty() ? SandboxMode.PROCESS : SandboxMode.BUBBLEWRAP;
        Path hostScratch = null;
        try {
            if (mode == SandboxMode.PROCESS) {
                Files.createDirectories(config.scratchRoot());
                hostScratch = Files.createTempDirectory(config.scratchRoot(), "reason4j-exec-");
            }
            PythonWorkerPool pool = new PythonWorkerPool(
                    config, new WorkerLauncher(config, python, bubblewrap, hostScratch), hostScratch, mode, python, notes);
            LOG.log(pool.report.has(Protection.FILESYSTEM_ISOLATION) ? System.Logger.Level.INFO
                    : System.Logger.Level.WARNING, pool.report.describe());
            return pool;
        } catch (IOException e) {
            throw new ExecException("cannot create a scratch directory under " + config.scratchRoot(), e);
        }
    }

    private static List<String> chooseBubblewrap(PythonPoolConfig config, PythonInterpreter python, List<String> notes) {
        if (config.sandbox() == SandboxMode.PROCESS) {
            notes.add("bubblewrap not used (sandbox mode PROCESS): file reads are guarded only by the audit hook");
            return List.of();
        }
        Optional<Path> bwrap = Bubblewrap.find();
        String problem;
        List<String> command = List.of();
        if (bwrap.isEmpty()) {
            problem = "bubblewrap (bwrap) is not installed";
        } else {
            try {
                command = Bubblewrap.command(bwrap.get(), python, config.scratchBytes());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot inspect system directories for bubblewrap", e);
            }
            problem = Bubblewrap.problem(command, python).orElse(null);
        }
        if (problem == null) {
            return command;
        }
        if (config.sandbox() == SandboxMode.BUBBLEWRAP) {
            throw new ExecException(problem + "; sandbox mode BUBBLEWRAP requires it (Debian/Ubuntu: "
                    + "apt-get install bubblewrap)");
        }
        notes.add(problem + ": reads of home and other private files are guarded only by the audit hook; "
                + "install the 'bubblewrap' package (apt-get install bubblewrap) for file-system isolation");
        return List.of();
    }

    private static Set<Protection> protections(SandboxMode mode, JsonNode ready) {
        Set<Protection> active = EnumSet.of(Protection.WALL_CLOCK_LIMIT, Protection.CPU_TIME_LIMIT,
                Protection.MEMORY_LIMIT, Protection.OUTPUT_LIMIT, Protection.FILE_SIZE_LIMIT, Protection.AUDIT_HOOK);
        if (ready.path("seccomp").asBoolean()) {
            active.add(Protection.SECCOMP_FILTER);
        }
        if (ready.path("network_namespace").asBoolean()) {
            active.add(Protection.NETWORK_NAMESPACE);
        }
        if (ready.path("capabilities_dropped").asBoolean()) {
            active.add(Protection.CAPABILITIES_DROPPED);
        }
        if (ready.path("subreaper").asBoolean()) {
            active.add(Protection.ORPHAN_REAPING);
        }
        if (mode == SandboxMode.BUBBLEWRAP) {
            active.add(Protection.FILESYSTEM_ISOLATION);
            active.add(Protection.PID_NAMESPACE);
        }
        return active;
    }

    private void startAll() {
        try (ExecutorService starter = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<PythonWorker>> started = new ArrayList<>();
            for (Slot slot : slots) {
                started.add(starter.submit(() -> startWorker(slot.index)));
            }
            ExecException failure = null;
            for (int i = 0; i < slots.size(); i++) {
                try {
                    slots.get(i).worker = started.get(i).get();
                } catch (ExecutionException e) {
                    failure = e.getCause() instanceof ExecException ex ? ex
                            : new ExecException("cannot start worker " + i, e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failure = new ExecException("interrupted while starting workers", e);
                }
            }
            if (failure != null) {
                slots.stream().filter(s -> s.worker != null).forEach(s -> s.worker.kill());
                spawner.close();
                deleteHostScratch();
                throw failure;
            }
        }
    }

    private PythonWorker startWorker(int index) {
        ExecException last = null;
        for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
            try {
                return PythonWorker.start(spawner.start(launcher.builder(index)), json,
                        "reason4j-exec-worker-" + index, config.startupTimeout());
            } catch (IOException | PythonWorker.WorkerFailure e) {
                last = new ExecException("cannot start python worker " + index + ": " + e.getMessage(), e);
            }
        }
        throw last;
    }

    @Override
    public ExecResult execute(ExecRequest request) {
        request.limits().requireWithin(config.limits());
        CodePrefix prefix = request.prefix();
        String keep = request.keepState() && config.snapshotsPerWorker() > 0 ? prefix.then(request.code()).key() : null;
        String line = requestLine(request, keep);
        Slot slot = acquire(prefix.isEmpty() ? -1 : owner(prefix.key()));
        boolean replace = false;
        long sent = System.nanoTime();
        try {
            JsonNode response = slot.worker.call(line, request.limits().timeout().plus(ANSWER_GRACE));
            replace = response.path("recycle").asBoolean(false);
            if (response.path("kept").asBoolean(false)) {
                recordOwner(keep, slot.index);
            }
            return toResult(response);
        } catch (PythonWorker.WorkerFailure failure) {
            replace = true;
            return workerFailed(failure, request.limits().timeout(), Duration.ofNanos(System.nanoTime() - sent));
        } finally {
            if (replace) {
                replaceInBackground(slot);
            } else {
                release(slot);
            }
        }
    }

    /**
     * The result of a call whose worker crashed or stopped answering. A call that had run past its wall-clock
     * limit is a timeout whatever then happened to its worker (a worker that stops answering always ends up
     * here, after the grace); before that, the call was killed with its crashed worker.
     */
    private static ExecResult workerFailed(PythonWorker.WorkerFailure failure, Duration timeout, Duration elapsed) {
        if (elapsed.compareTo(timeout) >= 0) {
            String message = "wall-clock limit of " + timeout.toMillis() / 1000.0 + " s exceeded, then the worker "
                    + "failed (" + failure.getMessage() + ") and was replaced";
            return new ExecResult(ExecStatus.TIMEOUT, "", new ExecError("Timeout", message, 0),
                    false, elapsed, false, 0);
        }
        return new ExecResult(ExecStatus.KILLED, "", new ExecError("WorkerCrashed", failure.getMessage(), 0),
                false, elapsed, false, 0);
    }

    private String requestLine(ExecRequest request, String keep) {
        ExecLimits limits = request.limits();
        ObjectNode node = json.createObjectNode();
        node.put("id", requestIds.incrementAndGet());
        node.put("code", request.code());
        node.put("step", request.prefix().size() + 1);
        ArrayNode replay = node.putArray("replay");
        request.prefix().steps().forEach(replay::add);
        node.put("parent", request.prefix().isEmpty() ? null : request.prefix().key());
        node.put("keep", keep);
        node.put("timeout", limits.timeout().toNanos() / 1e9);
        node.put("cpu", limits.cpuSeconds());
        node.put("memory", limits.memoryBytes());
        node.put("output", limits.maxOutputChars());
        return node.toString();
    }

    private static ExecResult toResult(JsonNode response) {
        ExecStatus status = ExecStatus.fromWireName(response.path("status").asText());
        JsonNode error = response.path("error");
        ExecError execError = error.isObject()
                ? new ExecError(error.path("type").asText("Error"), error.path("message").asText(""),
                        Math.max(0, error.path("line").asInt(0)))
                : null;
        return new ExecResult(status, response.path("stdout").asText(""), execError,
                response.path("truncated").asBoolean(false),
                Duration.ofNanos(Math.round(response.path("elapsed").asDouble(0) * 1e9)),
                response.path("from_snapshot").asBoolean(false), response.path("replayed").asInt(0));
    }

    private int owner(String key) {
        lock.lock();
        try {
            return snapshotOwners.getOrDefault(key, -1);
        } finally {
            lock.unlock();
        }
    }

    private void recordOwner(String key, int index) {
        lock.lock();
        try {
            snapshotOwners.put(key, index);
        } finally {
            lock.unlock();
        }
    }

    /** Takes the preferred worker if it is idle (it holds the prefix's snapshot), else any idle worker. */
    private Slot acquire(int preferred) {
        lock.lock();
        try {
            while (true) {
                if (closed) {
                    throw new ExecException("the python worker pool is closed");
                }
                for (Slot slot : slots) {
                    if (idle(slot) && !slot.worker.alive()) { // died while idle: replace before anyone uses it
                        slot.busy = true;
                        replaceInBackground(slot);
                    }
                }
                Slot pick = preferred >= 0 && idle(slots.get(preferred)) ? slots.get(preferred)
                        : slots.stream().filter(this::idle).findFirst().orElse(null);
                if (pick != null) {
                    pick.busy = true;
                    return pick;
                }
                if (slots.stream().allMatch(s -> s.broken != null)) {
                    throw new ExecException("no python worker is running: " + slots.get(0).broken.getMessage(),
                            slots.get(0).broken);
                }
                slotsChanged.awaitUninterruptibly();
            }
        } finally {
            lock.unlock();
        }
    }

    private boolean idle(Slot slot) {
        return !slot.busy && slot.broken == null && slot.worker != null;
    }

    private void release(Slot slot) {
        lock.lock();
        try {
            slot.busy = false;
            slotsChanged.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Kills the worker (and all its snapshots) and starts a fresh one; the slot stays busy meanwhile. */
    private void replaceInBackground(Slot slot) {
        PythonWorker old = slot.worker;
        lock.lock();
        try {
            snapshotOwners.values().removeIf(index -> index == slot.index);
        } finally {
            lock.unlock();
        }
        Thread.ofVirtual().name("reason4j-exec-restart-" + slot.index).start(() -> {
            old.kill();
            PythonWorker fresh = null;
            ExecException failure = null;
            if (!isClosed()) {
                try {
                    fresh = startWorker(slot.index);
                } catch (ExecException e) {
                    failure = e;
                    if (!isClosed()) { // closing refuses new workers: not an error
                        LOG.log(System.Logger.Level.ERROR,
                                "python worker " + slot.index + " could not be restarted", e);
                    }
                }
            }
            lock.lock();
            try {
                if (closed && fresh != null) {
                    fresh.kill();
                    fresh = null;
                }
                slot.worker = fresh;
                slot.broken = failure;
                slot.busy = false;
                slotsChanged.signalAll();
            } finally {
                lock.unlock();
            }
        });
    }

    private boolean isClosed() {
        lock.lock();
        try {
            return closed;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public ExecLimits defaultLimits() {
        return config.limits();
    }

    @Override
    public SandboxReport sandbox() {
        return report;
    }

    /** Number of workers. */
    public int workers() {
        return slots.size();
    }

    /** Live processes under all workers (workers, kept snapshots, running calls); for leak checks. */
    long processCount() {
        lock.lock();
        try {
            return slots.stream().filter(s -> s.worker != null).mapToLong(s -> s.worker.processCount()).sum();
        } finally {
            lock.unlock();
        }
    }

    /** Closes the pool: workers drop their snapshots and exit; calls still running end as killed. */
    @Override
    public void close() {
        List<PythonWorker> workers = new ArrayList<>();
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            slots.stream().filter(s -> s.worker != null).forEach(s -> workers.add(s.worker));
            slotsChanged.signalAll();
        } finally {
            lock.unlock();
        }
        try (ExecutorService closer = Executors.newVirtualThreadPerTaskExecutor()) {
            workers.forEach(w -> closer.submit(w::close));
        }
        spawner.close();
        deleteHostScratch();
    }

    private void deleteHostScratch() {
        if (hostScratch != null) {
            try {
                FileTrees.deleteRecursively(hostScratch);
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "could not delete scratch directory " + hostScratch, e);
            }
        }
    }
}
