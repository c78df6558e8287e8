package dev.reason4j.spark;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Per-problem records as Spark rows, the Parquet layout of {@code records/}: the unit (index and name), problem id
 * and input position, the columns summaries and SQL queries need (correct, answered, usage), and the whole record as
 * a JSON string ({@code record}), the line {@code results.jsonl} holds.
 */
final class RecordRows {

    static final String UNIT = "unit";
    static final String STRATEGY = "strategy";
    static final String PROBLEM_ID = "problem_id";
    static final String ORDINAL = "ordinal";
    static final String CORRECT = "correct";
    static final String ANSWERED = "answered";
    static final String RECORD = "record";
    /** The share of its batch's wall time one record accounts for, in milliseconds. */
    static final String WALL_MS = "wall_ms";
    /** Usage counters copied from the record's {@code usage} object, under the same names. */
    static final List<String> USAGE = List.of("generated_tokens", "prompt_tokens", "cached_prompt_tokens",
            "code_executions", "code_failures", "reward_requests", "rollouts");

    static final StructType SCHEMA = schema();

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private RecordRows() {}

    private static StructType schema() {
        StructType s = new StructType()
                .add(UNIT, DataTypes.IntegerType, false)
                .add(STRATEGY, DataTypes.StringType, false)
                .add(PROBLEM_ID, DataTypes.StringType, false)
                .add(ORDINAL, DataTypes.LongType, false)
                .add(CORRECT, DataTypes.BooleanType, false)
                .add(ANSWERED, DataTypes.BooleanType, false);
        for (String field : USAGE) {
            s = s.add(field, DataTypes.LongType, false);
        }
        return s.add(WALL_MS, DataTypes.DoubleType, false).add(RECORD, DataTypes.StringType, false);
    }

    static Row row(int unit, String unitName, long ordinal, ObjectNode record) {
        JsonNode usage = record.path("usage");
        Object[] values = new Object[SCHEMA.size()];
        int i = 0;
        values[i++] = unit;
        values[i++] = unitName;
        values[i++] = record.path("problem_id").asText();
        values[i++] = ordinal;
        values[i++] = record.path("correct").asBoolean();
        values[i++] = record.path("answer").isTextual();
        for (String field : USAGE) {
            values[i++] = usage.path(field).asLong();
        }
        values[i++] = record.path("batch_wall_ms").asDouble() / Math.max(1, record.path("batch_size").asInt(1));
        values[i] = json(record);
        return RowFactory.create(values);
    }

    private static String json(ObjectNode record) {
        try {
            return MAPPER.writeValueAsString(record);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("record of " + record.path("problem_id") + " cannot be written", e);
        }
    }
}
