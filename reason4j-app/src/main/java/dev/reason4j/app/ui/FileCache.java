package dev.reason4j.app.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * What was read from a file, kept until the file changes (size or modification time), so pages of a run read its
 * results once, and a run still being written is read again when it grows. Keeps the {@code capacity} files used
 * last.
 *
 * @param <T> what is read from a file
 */
final class FileCache<T> {

    private record Entry<T>(long size, long modified, T value) {}

    private final int capacity;
    private final Map<Path, Entry<T>> entries;

    FileCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1, was " + capacity);
        }
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(16, 0.75f, true);
    }

    /** What {@code reader} reads from {@code file}, read again only when the file changed. */
    T get(Path file, Function<Path, T> reader) {
        BasicFileAttributes now;
        try {
            now = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        long modified = now.lastModifiedTime().toMillis();
        synchronized (entries) {
            Entry<T> e = entries.get(file);
            if (e != null && e.size() == now.size() && e.modified() == modified) {
                return e.value();
            }
        }
        // read outside the lock: two requests may read the same new file once each, which is harmless
        T value = reader.apply(file);
        synchronized (entries) {
            entries.put(file, new Entry<>(now.size(), modified, value));
            while (entries.size() > capacity) {
                entries.remove(entries.keySet().iterator().next());
            }
        }
        return value;
    }
}
