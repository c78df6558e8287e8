package dev.reason4j.core.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * One record read by {@link JsonRecordReader}.
 *
 * @param line the 1-based line where the record starts
 * @param item the 1-based position of the record among the file's records
 * @param value the parsed JSON value (usually an object)
 * @param container the layout of the file it came from
 */
public record JsonRecord(long line, long item, JsonNode value, Container container) {

    public JsonRecord {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(container, "container");
    }

    /**
     * The number that identifies the record within its file: the line in JSONL (stable when lines are edited in
     * place), the element index in a JSON array.
     */
    public long position() {
        return container == Container.JSONL ? line : item;
    }

    /** Where the record is, for messages: {@code line 17}, or {@code item 3 (line 12)} in a JSON array. */
    public String location() {
        return container == Container.JSONL ? "line " + line : "item " + item + " (line " + line + ")";
    }
}
