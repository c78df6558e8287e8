package dev.reason4j.core.metrics.io;

import dev.reason4j.core.metrics.ResponseInput;
import java.util.List;
import java.util.Objects;

/**
 * One input record read by {@link ResponseRecordParser}: its samples, each ready to analyse or empty.
 *
 * @param line the record's line (JSONL) or item (JSON array)
 * @param problemKey what groups samples of one problem
 * @param samples the record's responses in order; at least one
 */
public record ParsedRecord(long line, String problemKey, List<Sample> samples) {

    public ParsedRecord {
        Objects.requireNonNull(problemKey, "problemKey");
        samples = List.copyOf(samples);
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("a record has at least one sample");
        }
    }

    /** One response of a record. */
    public sealed interface Sample permits Usable, Empty {
        /** The sample's index within its record. */
        int index();
    }

    /** A response to analyse. */
    public record Usable(int index, ResponseInput input) implements Sample {
        public Usable {
            Objects.requireNonNull(input, "input");
        }
    }

    /** An empty or blank response, counted but not analysed. */
    public record Empty(int index, String message) implements Sample {
        public Empty {
            Objects.requireNonNull(message, "message");
        }
    }
}
