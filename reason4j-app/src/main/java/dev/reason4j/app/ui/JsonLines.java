package dev.reason4j.app.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads JSONL files line by line, remembering where each line starts so that one record (a search tree of
 * thousands of nodes) can be read again later without reading the file. Lines that are not JSON objects become
 * notes naming the file and line, never errors; so does a last line cut short by a run still writing.
 */
final class JsonLines {

    /**
     * Where a line lies in its file.
     *
     * @param number line number, from 1
     * @param offset byte offset of its first byte
     * @param length its length in bytes, without the line break
     */
    record Span(long number, long offset, int length) {}

    /** Receives each JSON object line. */
    @FunctionalInterface
    interface LineHandler {
        void accept(JsonNode object, Span span);
    }

    private JsonLines() {}

    /** Reads {@code file}, handing each object line to {@code handler}; other lines become notes. */
    static void read(Path file, ObjectMapper mapper, Notes notes, LineHandler handler) {
        String name = file.getFileName().toString();
        try (InputStream in = Files.newInputStream(file)) {
            ByteArrayOutputStream line = new ByteArrayOutputStream(1 << 12);
            byte[] buffer = new byte[1 << 16];
            long offset = 0;
            long start = 0;
            long number = 0;
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                int from = 0;
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        line.write(buffer, from, i - from);
                        number++;
                        handle(line.toByteArray(), new Span(number, start, line.size()), name, mapper, notes, handler);
                        line.reset();
                        from = i + 1;
                        start = offset + i + 1;
                    }
                }
                line.write(buffer, from, n - from);
                offset += n;
            }
            if (line.size() > 0) {
                handle(line.toByteArray(), new Span(number + 1, start, line.size()), name, mapper, notes, handler);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** The object at {@code span} of {@code file}, read again. */
    static JsonNode readAt(Path file, Span span, ObjectMapper mapper) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.allocate(span.length());
            while (buffer.hasRemaining()) {
                if (channel.read(buffer, span.offset() + buffer.position()) < 0) {
                    throw new IOException("file ends before line " + span.number() + " (it was rewritten?)");
                }
            }
            return mapper.readTree(buffer.array());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file.getFileName() + " line " + span.number() + ": "
                    + e.getMessage(), e);
        }
    }

    private static void handle(byte[] bytes, Span span, String name, ObjectMapper mapper, Notes notes,
            LineHandler handler) {
        if (isBlank(bytes)) {
            return;
        }
        JsonNode node;
        try {
            node = mapper.readTree(bytes);
        } catch (IOException e) {
            notes.add(name + " line " + span.number() + " is not JSON; skipped");
            return;
        }
        if (node == null || !node.isObject()) {
            notes.add(name + " line " + span.number() + " is not a JSON object; skipped");
            return;
        }
        handler.accept(node, span);
    }

    private static boolean isBlank(byte[] bytes) {
        for (byte b : bytes) {
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }
}
