package dev.reason4j.recipes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A JSONL file that appears whole or not at all: lines go to a temporary file beside the target, which
 * {@link #commit()} renames over it. Closing without committing deletes the temporary file and leaves the target
 * as it was, so a killed export never leaves a half-written data set behind.
 */
public final class JsonlOutput implements AutoCloseable {

    private final Path target;
    private final Path temp;
    private final BufferedWriter out;
    private final ObjectWriter writer;
    private long lines;
    private boolean committed;

    private JsonlOutput(Path target, Path temp, ObjectWriter writer) throws IOException {
        this.target = target;
        this.temp = temp;
        this.writer = writer;
        this.out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8);
    }

    /** Starts writing {@code target}, creating its directory. */
    public static JsonlOutput open(Path target, ObjectMapper mapper) {
        return open(target, mapper.writer());
    }

    /** Writes one pretty-printed JSON document to {@code target}, whole or not at all. */
    public static void writeDocument(Path target, JsonNode value, ObjectMapper mapper) {
        try (JsonlOutput out = open(target, mapper.writerWithDefaultPrettyPrinter())) {
            out.write(value);
            out.commit();
        }
    }

    private static JsonlOutput open(Path target, ObjectWriter writer) {
        Path absolute = target.toAbsolutePath();
        try {
            Files.createDirectories(absolute.getParent());
            Path temp = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName() + ".", ".tmp");
            return new JsonlOutput(absolute, temp, writer);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    /** Appends {@code value} as one line. */
    public void write(JsonNode value) {
        try {
            out.write(writer.writeValueAsString(value));
            out.write('\n');
            lines++;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    /** Lines written so far. */
    public long lines() {
        return lines;
    }

    /** Makes the file complete: flushes it and renames it over the target. */
    public void commit() {
        try {
            out.close();
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            committed = true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (committed) {
            return;
        }
        try (out) {
            // closing the writer first lets the temporary file be deleted on every platform
        } catch (IOException e) {
            // the file is being thrown away
        } finally {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                // a stray temporary file does no harm: it starts with a dot and is never read
            }
        }
    }
}
