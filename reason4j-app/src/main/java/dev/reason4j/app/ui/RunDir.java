package dev.reason4j.app.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One run directory found under {@code --runs}, and the only way the server opens its files: by a fixed name, and
 * only when the file, links resolved, still lies under {@code --runs}.
 *
 * @param id the directory relative to {@code --runs}, {@code /}-separated (the directory's own name when
 *     {@code --runs} is itself a run)
 * @param dir the directory
 * @param root {@code --runs}, links resolved
 */
record RunDir(String id, Path dir, Path root) {

    /** Most files listed for a run. */
    static final int MAX_LISTED_FILES = 200;

    /**
     * A file of the run listed in the page.
     *
     * @param name file name
     * @param bytes size, -1 for a directory
     */
    record FileInfo(String name, long bytes) {}

    RunDir {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(root, "root");
    }

    /**
     * The run's file {@code name} when it exists and is a readable regular file inside {@code --runs}; a file that
     * exists but may not be read adds a note.
     */
    Optional<Path> file(String name, Notes notes) {
        Path file = dir.resolve(name);
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        try {
            Path real = file.toRealPath();
            if (!real.startsWith(root)) {
                notes.add(name + " links outside --runs; not read");
                return Optional.empty();
            }
            if (!Files.isRegularFile(real)) {
                notes.add(name + " is not a regular file; not read");
                return Optional.empty();
            }
            return Optional.of(real);
        } catch (IOException e) {
            notes.add(name + " cannot be read: " + e.getMessage());
            return Optional.empty();
        }
    }

    boolean has(String name) {
        return Files.exists(dir.resolve(name), LinkOption.NOFOLLOW_LINKS);
    }

    /** The run's top-level files and folders by name, at most {@value #MAX_LISTED_FILES}. */
    List<FileInfo> files() {
        List<FileInfo> files = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                if (files.size() == MAX_LISTED_FILES) {
                    break;
                }
                boolean folder = Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS);
                files.add(new FileInfo(p.getFileName().toString(), folder ? -1 : Files.size(p)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
        files.sort(Comparator.comparing(FileInfo::name));
        return files;
    }
}
