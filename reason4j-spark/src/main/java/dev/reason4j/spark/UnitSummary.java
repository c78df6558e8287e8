package dev.reason4j.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * One unit's (strategy's) totals over every record of a run, this run's and earlier ones': the row
 * {@code reason4j eval} writes to {@code summary.json}, under the same names.
 *
 * @param wallSeconds the records' shares of their batches' wall time, added up
 */
public record UnitSummary(String strategy, long problems, long correct, long answered, long generatedTokens,
        long promptTokens, long cachedPromptTokens, long codeExecutions, long codeFailures, long rewardRequests,
        long rollouts, double wallSeconds) {

    /** The totals of each unit in {@code records} (rows of {@link RecordRows#SCHEMA}), in unit order. */
    static List<UnitSummary> of(Dataset<Row> records) {
        List<Column> sums = new ArrayList<>();
        sums.add(sum(when(col(RecordRows.CORRECT), 1).otherwise(0)).as(RecordRows.CORRECT));
        sums.add(sum(when(col(RecordRows.ANSWERED), 1).otherwise(0)).as(RecordRows.ANSWERED));
        for (String field : RecordRows.USAGE) {
            sums.add(sum(col(field)).as(field));
        }
        sums.add(sum(col(RecordRows.WALL_MS)).as(RecordRows.WALL_MS));
        List<Row> rows = records.groupBy(RecordRows.UNIT, RecordRows.STRATEGY)
                .agg(count(lit(1)).as("problems"), sums.toArray(Column[]::new))
                .orderBy(RecordRows.UNIT)
                .collectAsList();
        return rows.stream().map(r -> new UnitSummary(r.getString(1), r.getLong(2), r.getLong(3), r.getLong(4),
                r.getLong(5), r.getLong(6), r.getLong(7), r.getLong(8), r.getLong(9), r.getLong(10), r.getLong(11),
                r.getDouble(12) / 1000)).toList();
    }

    public double accuracy() {
        return per(correct);
    }

    public double cachedShare() {
        return promptTokens == 0 ? 0 : (double) cachedPromptTokens / promptTokens;
    }

    /** {@code total} per problem. */
    public double per(double total) {
        return problems == 0 ? 0 : total / problems;
    }

    /** The row of {@code summary.json}. */
    ObjectNode toJson(ObjectMapper mapper) {
        return mapper.createObjectNode()
                .put("strategy", strategy)
                .put("problems", problems)
                .put("correct", correct)
                .put("accuracy", accuracy())
                .put("answered", answered)
                .put("generated_tokens", generatedTokens)
                .put("mean_generated_tokens", per(generatedTokens))
                .put("prompt_tokens", promptTokens)
                .put("cached_prompt_tokens", cachedPromptTokens)
                .put("cached_share", cachedShare())
                .put("code_executions", codeExecutions)
                .put("code_failures", codeFailures)
                .put("reward_requests", rewardRequests)
                .put("rollouts", rollouts)
                .put("wall_seconds", wallSeconds);
    }
}
