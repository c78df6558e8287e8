package dev.reason4j.core.store;

import dev.reason4j.core.provenance.RunManifest;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * The files of a run directory other than the database: {@code run.json} and the {@code run.lock} that keeps two
 * processes from writing one run at once. The operating system drops the lock when its process dies, even by
 * {@code kill -9}, so a killed run never stays locked.
 */
final class RunDirectory implements AutoCloseable {

    static final String MANIFEST_FILE = "run.json";
    static final String DATABASE_FILE = "run.db";
    static final String LOCK_FILE = "run.lock";

    private final Path dir;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final RunManifest manifest;
    private final boolean resumed;

    private RunDirectory(Path dir, FileChannel lockChannel, FileLock lock, RunManifest manifest, boolean resumed) {
        this.dir = dir;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.manifest = manifest;
        this.resumed = resumed;
    }

    /**
     * Locks {@code dir} and binds it to {@code job}: writes {@code run.json} for a new run, or checks that the
     * stored one describes the same job.
     */
    static RunDirectory claim(Path dir, RunManifest job) throws IOException {
        Files.createDirectories(dir);
        Path manifestFile = dir.resolve(MANIFEST_FILE);
        refuseForeignDirectory(dir, manifestFile);
        FileChannel channel = FileChannel.open(dir.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            FileLock lock = tryLock(channel, dir);
            RunManifest stored = null;
            if (Files.exists(manifestFile)) {
                String json = Files.readString(manifestFile, StandardCharsets.UTF_8);
                stored = readManifest(json, manifestFile);
                List<String> differences = stored.differencesFrom(job);
                if (!differences.isEmpty()) {
                    throw new RunMismatchException(dir, differences);
                }
            } else {
                AtomicFiles.write(manifestFile, out -> out.write(job.toJson()));
            }
            return new RunDirectory(dir, channel, lock, stored == null ? job : stored, stored != null);
        } catch (IOException | RuntimeException e) {
            channel.close(); // also releases the lock
            throw e;
        }
    }

    /** A directory with other files but no run.json is not ours: refuse rather than mix a run into it. */
    private static void refuseForeignDirectory(Path dir, Path manifestFile) throws IOException {
        if (Files.exists(manifestFile)) {
            return;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            List<String> foreign = entries.map(p -> p.getFileName().toString())
                    .filter(name -> !name.equals(LOCK_FILE) && !name.startsWith("." + MANIFEST_FILE + "."))
                    .sorted()
                    .limit(5)
                    .toList();
            if (!foreign.isEmpty()) {
                throw new RunStoreException("cannot start a run in " + dir + ": it is not empty (" + String.join(", ", foreign)
                        + ") and has no " + MANIFEST_FILE + "; use a new or empty run directory");
            }
        }
    }

    private static FileLock tryLock(FileChannel channel, Path dir) throws IOException {
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            throw new RunStoreException("run directory " + dir + " is already open in this process; close it first", e);
        }
        if (lock == null) {
            throw new RunStoreException("run directory " + dir + " is in use by another process (it holds "
                    + dir.resolve(LOCK_FILE) + "); wait for it to finish or use another run directory");
        }
        return lock;
    }

    private static RunManifest readManifest(String json, Path file) {
        try {
            return RunManifest.fromJson(json, file.toString());
        } catch (IllegalArgumentException e) {
            throw new RunStoreException("cannot resume the run in " + file.getParent() + ": " + e.getMessage(), e);
        }
    }

    Path dir() {
        return dir;
    }

    Path databaseFile() {
        return dir.resolve(DATABASE_FILE);
    }

    RunManifest manifest() {
        return manifest;
    }

    boolean resumed() {
        return resumed;
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            lockChannel.close();
        }
    }
}
