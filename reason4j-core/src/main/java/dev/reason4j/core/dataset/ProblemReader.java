package dev.reason4j.core.dataset;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Streams the problems of one file, for files too big to hold in memory. Iterate it once, then ask for
 * {@link #skipped()}, {@link #skipReasons()} and {@link #sha256()}:
 * <pre>{@code
 * try (ProblemReader reader = Datasets.open(path, DatasetFormats.GSM8K, LoadOptions.strict())) {
 *     for (Problem p : reader) { ... }
 * }
 * }</pre>
 * Ids are checked for uniqueness as the file is read; a repeated id is a bad record.
 */
public final class ProblemReader implements Iterable<Problem>, AutoCloseable {

    private final JsonRecordReader records;
    private final ProblemMapper mapper;
    private final LoadOptions options;
    private final String datasetName;
    private final String idField;
    private final Map<String, Long> firstLineOfId = new HashMap<>();
    private final List<String> skipReasons = new ArrayList<>();
    private long skipped;
    private boolean iterated;

    ProblemReader(Path file, String datasetName, DatasetFormat format, LoadOptions options) {
        this.records = JsonRecordReader.open(file, format.container());
        this.mapper = new ProblemMapper(file, datasetName, format);
        this.options = options;
        this.datasetName = datasetName;
        this.idField = format.id() == null ? "id" : format.id().toString();
    }

    /** The dataset's name: the file name without its extension. */
    public String datasetName() {
        return datasetName;
    }

    /**
     * The problems, in file order; can be taken once.
     *
     * @throws DatasetException (from {@code next()}) at a bad record unless bad records are skipped, and always
     *     when the file cannot be read on
     */
    @Override
    public Iterator<Problem> iterator() {
        if (iterated) {
            throw new IllegalStateException("the problems of " + records.file() + " can be iterated only once");
        }
        iterated = true;
        return new Iterator<>() {
            private Problem next;

            @Override
            public boolean hasNext() {
                if (next == null) {
                    next = advance();
                }
                return next != null;
            }

            @Override
            public Problem next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Problem p = next;
                next = null;
                return p;
            }
        };
    }

    /** The problems as a sequential stream; can be taken once. */
    public Stream<Problem> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    /** How many bad records were skipped so far. */
    public long skipped() {
        return skipped;
    }

    /** Why the first skipped records were skipped (at most {@link LoadOptions#reasonsKept()}), with their lines. */
    public List<String> skipReasons() {
        return List.copyOf(skipReasons);
    }

    /**
     * The SHA-256 of the file as read.
     *
     * @throws IllegalStateException until the problems have been iterated to the end
     */
    public String sha256() {
        return records.sha256();
    }

    private Problem advance() {
        while (true) {
            try {
                JsonRecord record = records.next();
                if (record == null) {
                    return null;
                }
                Problem problem = mapper.toProblem(record);
                Long earlier = firstLineOfId.putIfAbsent(problem.id(), record.line());
                if (earlier != null) {
                    throw DatasetException.badRecord(records.file(), record, idField,
                            "duplicate id '" + problem.id() + "' (first on line " + earlier + ")");
                }
                return problem;
            } catch (DatasetException e) {
                if (!options.skipBadRecords() || !e.skippable()) {
                    throw e;
                }
                skipped++;
                if (skipReasons.size() < options.reasonsKept()) {
                    skipReasons.add(e.getMessage());
                }
            }
        }
    }

    @Override
    public void close() {
        records.close();
    }
}
