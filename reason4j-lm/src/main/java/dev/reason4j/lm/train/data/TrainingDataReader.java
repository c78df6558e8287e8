package dev.reason4j.lm.train.data;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reason4j.core.dataset.Container;
import dev.reason4j.core.dataset.DatasetException;
import dev.reason4j.core.dataset.JsonRecord;
import dev.reason4j.core.dataset.JsonRecordReader;
import dev.reason4j.core.provenance.InputFile;
import dev.reason4j.lm.LanguageModelException;
import dev.reason4j.lm.Tokenizer;
import dev.reason4j.lm.train.Objective;
import dev.reason4j.lm.train.TrainingExample;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Reads a training data file (JSONL, or one JSON array of records) into tokenized {@link TrainingExample}s with a
 * model's own tokenizer:
 * <pre>{@code
 * TrainingData data = TrainingDataReader.read(Path.of("dpo.jsonl"), tokenizer, Objective.DPO,
 *         DataOptions.defaults().withLengthLimit(new LengthLimit(2048, LengthLimit.Overflow.TRUNCATE)));
 * }</pre>
 * The formats are those of {@link DataFormat}; prompts are laid out by {@link PromptLayout} and masked exactly at
 * the token boundary ({@link BoundaryEncoder}). A bad record stops the reading with a {@link TrainingDataException}
 * naming file, line and field, unless the options skip bad records, which are then counted.
 */
public final class TrainingDataReader {

    private final Path file;
    private final Objective objective;
    private final DataOptions options;
    private final PromptLayout layout;
    private final ExampleTokenizer examples;
    private final TrlRecords trl;
    private final LlamaFactoryRecords llamaFactory;
    private final StepRecords steps;
    private final List<TrainingExample> out = new ArrayList<>();
    private final List<String> skipReasons = new ArrayList<>();
    private DataFormat format;
    private long records;
    private long skipped;

    private TrainingDataReader(Path file, Tokenizer tokenizer, Objective objective, DataOptions options) {
        this.file = file;
        this.objective = objective;
        this.options = options;
        this.layout = PromptLayout.of(tokenizer);
        this.examples = new ExampleTokenizer(tokenizer, options.lengthLimit());
        this.trl = new TrlRecords(layout, examples);
        this.llamaFactory = new LlamaFactoryRecords(layout, examples);
        this.steps = new StepRecords(layout, examples);
        this.format = options.format().orElse(null);
    }

    /**
     * Reads and tokenizes {@code file}.
     *
     * @param objective what the examples are for; the format must hold what it trains on
     * @throws TrainingDataException at a bad record (unless skipped), an unreadable file, a format that does not
     *     hold what {@code objective} trains on, or a file with no usable example
     */
    public static TrainingData read(Path file, Tokenizer tokenizer, Objective objective, DataOptions options) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(tokenizer, "tokenizer");
        Objects.requireNonNull(objective, "objective");
        Objects.requireNonNull(options, "options");
        if (options.format().isPresent()) {
            requireHolds(file, options.format().get(), objective, "is read as");
        }
        return new TrainingDataReader(file, tokenizer, objective, options).readAll();
    }

    private TrainingData readAll() {
        String sha256;
        try (JsonRecordReader reader = JsonRecordReader.open(file, container(file))) {
            for (JsonRecord record = nextRecord(reader); record != null; record = nextRecord(reader)) {
                records++;
                try {
                    if (format == null) {
                        format = detectFormat(record);
                        requireHolds(file, format, objective, "looks like (from line " + record.line() + ")");
                    }
                    out.addAll(map(record));
                } catch (TrainingDataException e) {
                    if (format != null && !format.holds(objective)) {
                        throw e;
                    }
                    skipOrThrow(e);
                }
            }
            sha256 = reader.sha256();
        } catch (DatasetException e) {
            throw new TrainingDataException(file, e.line(), null, e.reason(), e);
        }
        if (out.isEmpty()) {
            throw new TrainingDataException(file, 0, null, "holds no usable example of " + DataFormat.needs(objective) + " ("
                    + records + " records, " + skipped + " bad, " + examples.tooLong() + " too long)", null);
        }
        return new TrainingData(new InputFile(file.toAbsolutePath().normalize().toString(), sha256, size()),
                format, layout.usesChatTemplate(), out, records, skipped, skipReasons, examples.truncated(),
                examples.tooLong(), examples.separatelyEncoded());
    }

    /** The next record; an unparsable line is counted as a record and skipped or thrown like any bad record. */
    private JsonRecord nextRecord(JsonRecordReader reader) {
        while (true) {
            try {
                return reader.next();
            } catch (DatasetException e) {
                if (!e.skippable()) {
                    throw e;
                }
                records++;
                skipOrThrow(new TrainingDataException(file, e.line(), null, e.reason(), e));
            }
        }
    }

    /** Tells the format from the first good record when it was not given; a record that shows none is bad. */
    private DataFormat detectFormat(JsonRecord record) {
        requireObject(record);
        try {
            return DataFormat.detect(record.value());
        } catch (IllegalArgumentException e) {
            throw new TrainingDataException(file, record.line(), null, e.getMessage(), e);
        }
    }

    private void requireObject(JsonRecord record) {
        if (!record.value().isObject()) {
            throw new TrainingDataException(file, record.line(), null, "expected a JSON object, got "
                    + record.value().getNodeType().name().toLowerCase(Locale.ROOT), null);
        }
    }

    private List<TrainingExample> map(JsonRecord record) {
        requireObject(record);
        JsonNode value = record.value();
        String source = file.getFileName() + ":" + record.line();
        try {
            return switch (format) {
                case TRL_MESSAGES -> trl.messages(value, source);
                case TRL_COMPLETION -> trl.completion(value, source, objective);
                case TRL_PREFERENCE -> trl.preference(value, source);
                case LLAMA_FACTORY -> llamaFactory.supervised(value, source, objective);
                case LLAMA_FACTORY_PREFERENCE -> llamaFactory.preference(value, source);
                case STEP_PAIRS -> steps.pairs(value, source);
                case STEP_VALUES -> steps.values(value, source);
            };
        } catch (BadField e) {
            throw new TrainingDataException(file, record.line(), e.field(), e.reason(), e);
        } catch (LanguageModelException e) {
            throw new TrainingDataException(file, record.line(), null, e.getMessage(), e);
        }
    }

    private void skipOrThrow(TrainingDataException e) {
        if (!options.load().skipBadRecords()) {
            throw e;
        }
        skipped++;
        if (skipReasons.size() < options.load().reasonsKept()) {
            skipReasons.add(e.getMessage());
        }
    }

    private static void requireHolds(Path file, DataFormat format, Objective objective, String how) {
        if (!format.holds(objective)) {
            throw new TrainingDataException(file, 0, null, "it " + how + " " + format.cliName() + " (fields: "
                    + format.fields() + "), which holds no example of " + DataFormat.needs(objective) + " for "
                    + objective.name().toLowerCase(Locale.ROOT) + "; it reads " + DataFormat.formatsFor(objective),
                    null);
        }
    }

    /** A JSON array when the first character other than white space (or a byte-order mark) is '['. */
    private static Container container(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            int b;
            do {
                b = in.read();
            } while (b == ' ' || b == '\t' || b == '\r' || b == '\n' || b == 0xEF || b == 0xBB || b == 0xBF);
            return b == '[' ? Container.JSON_ARRAY : Container.JSONL;
        } catch (IOException e) {
            throw new TrainingDataException(file, 0, null, "cannot read: " + e.getMessage(), e);
        }
    }

    private long size() {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new TrainingDataException(file, 0, null, "cannot read its size: " + e.getMessage(), e);
        }
    }
}
