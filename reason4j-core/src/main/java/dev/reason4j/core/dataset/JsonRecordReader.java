package dev.reason4j.core.dataset;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.reason4j.core.provenance.Hashing;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * Reads the records of a JSONL file or a JSON array one at a time, with their line numbers, and hashes the bytes
 * as it goes so the SHA-256 recorded for a run is that of exactly the content read.
 *
 * <p>In JSONL each line is parsed on its own, so a line that is not valid JSON fails with a
 * {@linkplain DatasetException#skippable() skippable} error and reading can go on with the next line. Invalid
 * UTF-8 is such an error too. In a JSON array a syntax error ends the reading. Numbers keep their exact decimal
 * text ({@code 27.0} is read as a {@code BigDecimal}, not a double); duplicate keys in an object are an error.
 */
public final class JsonRecordReader implements AutoCloseable {

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
            .build();
    /** Reads one array element from a parser positioned on it; the rest of the array follows, so no trailing check. */
    private static final ObjectReader ELEMENT_READER = MAPPER.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final Path file;
    private final Container container;
    private final MessageDigest digest = Hashing.newSha256();
    private final InputStream in;
    private final Source source;
    private long items;
    private boolean finished;
    private String sha256;

    private JsonRecordReader(Path file, Container container) throws IOException {
        this.file = file;
        this.container = container;
        this.in = new DigestInputStream(Files.newInputStream(file), digest);
        this.source = container == Container.JSONL ? new JsonlSource() : new ArraySource(MAPPER.createParser(in));
    }

    /**
     * Opens {@code file} for reading.
     *
     * @throws DatasetException if the file cannot be opened
     */
    public static JsonRecordReader open(Path file, Container container) {
        try {
            return new JsonRecordReader(file, container);
        } catch (IOException e) {
            throw DatasetException.fatal(file, 0, "cannot open: " + e.getMessage(), e);
        }
    }

    /**
     * The next record, or {@code null} at the end of the file.
     *
     * @throws DatasetException for a record that cannot be parsed; when it is {@linkplain
     *     DatasetException#skippable() skippable} the next call goes on with the following record
     */
    public JsonRecord next() {
        if (finished) {
            return null;
        }
        try {
            JsonRecord record = source.next();
            if (record == null) {
                finish();
            }
            return record;
        } catch (IOException e) {
            finished = true;
            throw DatasetException.fatal(file, 0, "cannot read: " + e.getMessage(), e);
        }
    }

    /** The file being read. */
    public Path file() {
        return file;
    }

    /**
     * The SHA-256 of the file's bytes.
     *
     * @throws IllegalStateException until {@link #next()} has returned {@code null}
     */
    public String sha256() {
        if (sha256 == null) {
            throw new IllegalStateException("the hash of " + file + " is known only after it has been read to the end");
        }
        return sha256;
    }

    private void finish() throws IOException {
        finished = true;
        in.transferTo(OutputStream.nullOutputStream()); // hash any bytes the parser did not need
        sha256 = Hashing.hex(digest);
    }

    @Override
    public void close() {
        try {
            source.close();
            in.close();
        } catch (IOException e) {
            throw DatasetException.fatal(file, 0, "cannot close: " + e.getMessage(), e);
        }
    }

    private interface Source {
        JsonRecord next() throws IOException;

        void close() throws IOException;
    }

    /** Splits the byte stream at '\n' and parses each non-blank line on its own. */
    private final class JsonlSource implements Source {
        private final byte[] buffer = new byte[1 << 16];
        private int position;
        private int limit;
        private byte[] line = new byte[1 << 12];
        private long lineNumber;

        @Override
        public JsonRecord next() throws IOException {
            while (true) {
                int length = readLine();
                if (length < 0) {
                    return null;
                }
                lineNumber++;
                if (isBlank(line, length)) {
                    continue;
                }
                JsonNode value;
                try {
                    value = MAPPER.readTree(line, 0, length);
                } catch (JsonProcessingException e) {
                    throw DatasetException.badLine(file, lineNumber, "invalid JSON: " + describe(e), e);
                }
                return new JsonRecord(lineNumber, ++items, value, container);
            }
        }

        /** Reads the next line into {@code line} without its terminator; returns its length, or -1 at the end. */
        private int readLine() throws IOException {
            int length = 0;
            boolean any = false;
            while (true) {
                if (position == limit) {
                    limit = in.read(buffer);
                    position = 0;
                    if (limit <= 0) {
                        limit = 0;
                        return any ? trimCarriageReturn(length) : -1;
                    }
                }
                any = true;
                int start = position;
                while (position < limit && buffer[position] != '\n') {
                    position++;
                }
                int chunk = position - start;
                if (length + chunk > line.length) {
                    line = Arrays.copyOf(line, Math.max(line.length * 2, length + chunk));
                }
                System.arraycopy(buffer, start, line, length, chunk);
                length += chunk;
                if (position < limit) {
                    position++; // the '\n'
                    return trimCarriageReturn(length);
                }
            }
        }

        private int trimCarriageReturn(int length) {
            return length > 0 && line[length - 1] == '\r' ? length - 1 : length;
        }

        @Override
        public void close() {}
    }

    /** Walks the elements of one top-level JSON array with a streaming parser. */
    private final class ArraySource implements Source {
        private final JsonParser parser;
        private boolean started;

        ArraySource(JsonParser parser) {
            this.parser = parser;
        }

        @Override
        public JsonRecord next() throws IOException {
            try {
                if (!started) {
                    started = true;
                    JsonToken first = parser.nextToken();
                    if (first != JsonToken.START_ARRAY) {
                        throw fatal(lineOf(parser.currentTokenLocation()),
                                "expected a JSON array of records, found " + (first == null ? "an empty file" : first));
                    }
                }
                JsonToken token = parser.nextToken();
                if (token == JsonToken.END_ARRAY) {
                    if (parser.nextToken() != null) {
                        throw fatal(lineOf(parser.currentTokenLocation()), "unexpected content after the JSON array");
                    }
                    return null;
                }
                if (token == null) {
                    throw fatal(lineOf(parser.currentLocation()), "the JSON array is not closed (file truncated?)");
                }
                long line = lineOf(parser.currentTokenLocation());
                JsonNode value = ELEMENT_READER.readTree(parser);
                return new JsonRecord(line, ++items, value, container);
            } catch (JsonProcessingException e) {
                throw fatal(lineOf(e.getLocation()), "invalid JSON: " + describe(e));
            }
        }

        private DatasetException fatal(long line, String reason) {
            finished = true;
            return DatasetException.fatal(file, line, reason, null);
        }

        @Override
        public void close() throws IOException {
            parser.close();
        }
    }

    private static long lineOf(JsonLocation location) {
        return location == null ? 0 : Math.max(0, location.getLineNr());
    }

    private static String describe(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        String column = at == null || at.getColumnNr() < 1 ? "" : " (column " + at.getColumnNr() + ")";
        return e.getOriginalMessage() + column;
    }

    private static boolean isBlank(byte[] bytes, int length) {
        for (int i = 0; i < length; i++) {
            byte b = bytes[i];
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }
}
