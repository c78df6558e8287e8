package dev.reason4j.lm.train.data;

import dev.reason4j.core.dataset.LoadOptions;
import java.util.Objects;
import java.util.Optional;

/**
 * How to read a training data file.
 *
 * @param format the format, or empty to detect it from the first record's fields
 * @param lengthLimit the longest sequence kept, and what happens to longer ones
 * @param load whether bad records stop the reading (the default) or are skipped and counted
 */
public record DataOptions(Optional<DataFormat> format, LengthLimit lengthLimit, LoadOptions load) {

    public DataOptions {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(lengthLimit, "lengthLimit");
        Objects.requireNonNull(load, "load");
    }

    /** Detected format, no length limit, stop at the first bad record. */
    public static DataOptions defaults() {
        return new DataOptions(Optional.empty(), LengthLimit.none(), LoadOptions.strict());
    }

    public DataOptions withFormat(DataFormat value) {
        return new DataOptions(Optional.of(value), lengthLimit, load);
    }

    public DataOptions withLengthLimit(LengthLimit value) {
        return new DataOptions(format, value, load);
    }

    public DataOptions withLoad(LoadOptions value) {
        return new DataOptions(format, lengthLimit, value);
    }
}
