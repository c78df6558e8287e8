package dev.reason4j.exec;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reason4j.core.util.FileTrees;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds the command line, environment and configuration of one worker process. */
final class WorkerLauncher {

    private static final String WORKER_SOURCE = loadWorkerSource();

    private final PythonPoolConfig config;
    private final PythonInterpreter python;
    private final List<String> bubblewrap; // empty in PROCESS mode
    private final Path hostScratch; // PROCESS mode: parent of the workers' scratch directories

    WorkerLauncher(PythonPoolConfig config, PythonInterpreter python, List<String> bubblewrap, Path hostScratch) {
        this.config = config;
        this.python = python;
        this.bubblewrap = List.copyOf(bubblewrap);
        this.hostScratch = hostScratch;
    }

    boolean usesBubblewrap() {
        return !bubblewrap.isEmpty();
    }

    /** A process builder for worker {@code index}; in PROCESS mode its scratch directory is wiped first. */
    ProcessBuilder builder(int index) throws IOException {
        String scratch;
        if (usesBubblewrap()) {
            scratch = Bubblewrap.SCRATCH;
        } else {
            Path dir = hostScratch.resolve("w" + index);
            FileTrees.deleteRecursively(dir);
            Files.createDirectories(dir);
            scratch = dir.toString();
        }
        String cwd = scratch + "/cwd";
        List<String> command = new ArrayList<>(bubblewrap);
        command.addAll(List.of(python.executable().toString(), "-s", "-c", WORKER_SOURCE, configJson(scratch)));
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        env.clear(); // nothing of the user's environment reaches snippets
        env.put("HOME", cwd);
        env.put("TMPDIR", cwd);
        env.put("PATH", "/usr/bin:/bin");
        env.put("LANG", "C.UTF-8");
        env.put("LC_ALL", "C.UTF-8");
        env.put("PYTHONHASHSEED", "0"); // same set/dict order in every worker and every replay
        env.put("PYTHONDONTWRITEBYTECODE", "1");
        env.put("PYTHONNOUSERSITE", "1");
        for (String threads : List.of("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")) {
            env.put(threads, "1");
        }
        return builder;
    }

    private String configJson(String scratch) {
        ObjectMapper json = new ObjectMapper();
        ObjectNode node = json.createObjectNode();
        node.put("cwd", scratch + "/cwd");
        node.put("snapshot_dir", scratch + "/snap");
        node.put("output_capacity", config.limits().maxOutputChars());
        node.put("max_snapshots", config.snapshotsPerWorker());
        node.put("file_size_limit", config.scratchBytes());
        node.put("network_namespace_given", usesBubblewrap());
        ArrayNode roots = node.putArray("read_roots");
        Bubblewrap.systemReadRoots().forEach(p -> roots.add(p.toString()));
        python.files().forEach(p -> roots.add(p.toString()));
        ArrayNode preload = node.putArray("preload");
        config.preload().forEach(preload::add);
        if (config.allowList().restricted()) {
            ArrayNode allowed = node.putArray("allowed_modules");
            config.allowList().modules().stream().sorted().forEach(allowed::add);
        } else {
            node.putNull("allowed_modules");
        }
        return node.toString();
    }

    private static String loadWorkerSource() {
        try (InputStream in = WorkerLauncher.class.getResourceAsStream("worker.py")) {
            if (in == null) {
                throw new IllegalStateException("worker.py is missing from the reason4j-exec jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read worker.py from the reason4j-exec jar", e);
        }
    }
}
