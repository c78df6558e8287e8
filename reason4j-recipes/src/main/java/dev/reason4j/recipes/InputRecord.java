package dev.reason4j.recipes;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reason4j.core.dataset.Container;
import dev.reason4j.core.dataset.DatasetException;
import dev.reason4j.core.dataset.JsonRecord;
import dev.reason4j.core.dataset.JsonRecordReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One record of a recipe's input file, read through {@link Fields} so that every error names the file, the line
 * and the field.
 *
 * @param file the file the record was read from
 * @param record the record with its line
 */
public record InputRecord(Path file, JsonRecord record) {

    public InputRecord {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(record, "record");
    }

    /**
     * Reads every record of a JSONL file (a {@code .json} file is read as one JSON array).
     *
     * @throws DatasetException when the file cannot be read or a line is not JSON
     */
    public static List<InputRecord> readAll(Path file) {
        Container container = file.getFileName().toString().endsWith(".json") ? Container.JSON_ARRAY : Container.JSONL;
        List<InputRecord> records = new ArrayList<>();
        try (JsonRecordReader reader = JsonRecordReader.open(file, container)) {
            for (JsonRecord r = reader.next(); r != null; r = reader.next()) {
                records.add(new InputRecord(file, r));
            }
        }
        return records;
    }

    /** The record's fields; the record must be a JSON object. */
    public Fields fields() {
        return new Fields(this, record.value(), "");
    }

    /** Where the record is, for messages: {@code data.jsonl line 17}. */
    public String location() {
        return file + " " + record.location();
    }

    /** An error about {@code field} of this record. */
    public RecipeInputException error(String field, String reason) {
        return RecipeInputException.at(file, record, field, reason);
    }

    /**
     * A JSON object of a record, at a dotted path inside it ({@code tree.nodes[3]}), with typed accessors that
     * fail with the full path of a missing or mistyped field.
     */
    public static final class Fields {
        private final InputRecord owner;
        private final JsonNode node;
        private final String path;

        Fields(InputRecord owner, JsonNode node, String path) {
            this.owner = owner;
            this.node = node;
            this.path = path;
            if (!node.isObject()) {
                throw owner.error(path.isEmpty() ? null : path, "expected a JSON object, found " + node.getNodeType());
            }
        }

        /** Whether {@code name} is present and not null. */
        public boolean has(String name) {
            JsonNode v = node.get(name);
            return v != null && !v.isNull();
        }

        /** A required string field. */
        public String text(String name) {
            JsonNode v = require(name);
            if (!v.isTextual()) {
                throw error(name, "expected a string, found " + v.getNodeType());
            }
            return v.asText();
        }

        /** An optional string field, {@code fallback} when absent or null. */
        public String textOr(String name, String fallback) {
            return has(name) ? text(name) : fallback;
        }

        /** A required finite number. */
        public double number(String name) {
            JsonNode v = require(name);
            if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
                throw error(name, "expected a finite number, found " + v);
            }
            return v.asDouble();
        }

        /** A required whole number. */
        public long integer(String name) {
            JsonNode v = require(name);
            if (!v.canConvertToLong() || !v.isIntegralNumber()) {
                throw error(name, "expected a whole number, found " + v);
            }
            return v.asLong();
        }

        /** An optional whole number, {@code fallback} when absent or null. */
        public long integerOr(String name, long fallback) {
            return has(name) ? integer(name) : fallback;
        }

        /** A required boolean. */
        public boolean bool(String name) {
            JsonNode v = require(name);
            if (!v.isBoolean()) {
                throw error(name, "expected true or false, found " + v);
            }
            return v.asBoolean();
        }

        /** An optional boolean, {@code fallback} when absent or null. */
        public boolean boolOr(String name, boolean fallback) {
            return has(name) ? bool(name) : fallback;
        }

        /** A required nested object. */
        public Fields object(String name) {
            return new Fields(owner, require(name), qualified(name));
        }

        /** An optional nested object, or null when absent. */
        public Fields objectOrNull(String name) {
            return has(name) ? object(name) : null;
        }

        /** The objects of a required array field. */
        public List<Fields> objects(String name) {
            JsonNode array = array(name);
            List<Fields> out = new ArrayList<>(array.size());
            for (int i = 0; i < array.size(); i++) {
                out.add(new Fields(owner, array.get(i), qualified(name) + "[" + i + "]"));
            }
            return out;
        }

        /** The strings of a required array field. */
        public List<String> texts(String name) {
            JsonNode array = array(name);
            List<String> out = new ArrayList<>(array.size());
            for (int i = 0; i < array.size(); i++) {
                if (!array.get(i).isTextual()) {
                    throw owner.error(qualified(name) + "[" + i + "]", "expected a string, found " + array.get(i).getNodeType());
                }
                out.add(array.get(i).asText());
            }
            return out;
        }

        /** The JSON value itself. */
        public JsonNode node() {
            return node;
        }

        /** An error about field {@code name} of this object. */
        public RecipeInputException error(String name, String reason) {
            return owner.error(qualified(name), reason);
        }

        private JsonNode array(String name) {
            JsonNode v = require(name);
            if (!v.isArray()) {
                throw error(name, "expected an array, found " + v.getNodeType());
            }
            return v;
        }

        private JsonNode require(String name) {
            JsonNode v = node.get(name);
            if (v == null || v.isNull()) {
                throw error(name, "missing");
            }
            return v;
        }

        private String qualified(String name) {
            return path.isEmpty() ? name : path + "." + name;
        }
    }
}
