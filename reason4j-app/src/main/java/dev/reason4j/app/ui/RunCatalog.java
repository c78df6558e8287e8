package dev.reason4j.app.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The run directories under {@code --runs}: any directory (down to {@value #MAX_DEPTH} levels, links not followed,
 * hidden ones skipped) that holds one of the files runs write. A run's own subdirectories (checkpoints) are not
 * searched.
 *
 * <p>Ids in URLs are only ever looked up here, never resolved as paths, so {@code ..}, absolute paths and links
 * cannot reach outside {@code --runs}. A directory created after the last scan is found by rescanning when its id is
 * asked for.
 */
final class RunCatalog {

    static final int MAX_DEPTH = 4;
    static final int MAX_DIRECTORIES = 20_000;
    private static final Set<String> RUN_FILES = Set.of("run.json", "results.jsonl", "summary.json",
            "responses.jsonl", "metrics.jsonl");
    private static final int MAX_ID_LENGTH = 1024;

    private final Path root;
    private volatile Map<String, RunDir> runs = Map.of();

    RunCatalog(Path runsRoot) {
        try {
            this.root = runsRoot.toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open --runs " + runsRoot + ": " + e.getMessage(), e);
        }
    }

    Path root() {
        return root;
    }

    /** Scans {@code --runs} again; runs sorted by id. */
    List<RunDir> scan() {
        Map<String, RunDir> found = new LinkedHashMap<>();
        if (isRun(root)) {
            String name = root.getFileName() == null ? "run" : root.getFileName().toString();
            found.put(name, new RunDir(name, root, root));
        } else {
            walk(found);
        }
        List<RunDir> sorted = new ArrayList<>(found.values());
        sorted.sort(Comparator.comparing(RunDir::id));
        Map<String, RunDir> byId = new LinkedHashMap<>();
        sorted.forEach(r -> byId.put(r.id(), r));
        runs = byId;
        return sorted;
    }

    /** The run with this id, if {@code --runs} holds it; malformed ids find nothing. */
    Optional<RunDir> find(String id) {
        if (id == null || id.isEmpty() || id.length() > MAX_ID_LENGTH) {
            return Optional.empty();
        }
        RunDir run = runs.get(id);
        if (run == null) {
            run = scanFor(id);
        }
        return Optional.ofNullable(run);
    }

    private RunDir scanFor(String id) {
        for (RunDir r : scan()) {
            if (r.id().equals(id)) {
                return r;
            }
        }
        return null;
    }

    private void walk(Map<String, RunDir> found) {
        record Pending(Path dir, int depth) {}
        Deque<Pending> queue = new ArrayDeque<>();
        queue.add(new Pending(root, 0));
        int visited = 0;
        while (!queue.isEmpty() && visited < MAX_DIRECTORIES) {
            Pending p = queue.poll();
            visited++;
            for (Path child : subdirectories(p.dir())) {
                if (isRun(child)) {
                    String id = root.relativize(child).toString().replace(child.getFileSystem().getSeparator(), "/");
                    found.put(id, new RunDir(id, child, root));
                } else if (p.depth() + 1 < MAX_DEPTH) {
                    queue.add(new Pending(child, p.depth() + 1));
                }
            }
        }
    }

    private static List<Path> subdirectories(Path dir) {
        List<Path> dirs = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                if (!p.getFileName().toString().startsWith(".") && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    dirs.add(p);
                }
            }
        } catch (IOException e) {
            // an unreadable folder holds no runs we could show
        }
        return dirs;
    }

    private static boolean isRun(Path dir) {
        for (String name : RUN_FILES) {
            if (Files.exists(dir.resolve(name), LinkOption.NOFOLLOW_LINKS)) {
                return true;
            }
        }
        return false;
    }
}
