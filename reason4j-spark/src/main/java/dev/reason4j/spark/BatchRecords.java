package dev.reason4j.spark;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reason4j.core.dataset.Problem;
import dev.reason4j.search.SearchContext;
import dev.reason4j.search.SearchResult;
import dev.reason4j.search.SearchStrategy;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * A batch of problems searched together with one strategy, each result made into its record, and every record
 * stamped with the batch's wall time and size ({@code batch_wall_ms}, {@code batch_size}): the job's summaries share
 * the time out over the batch.
 */
final class BatchRecords {

    private BatchRecords() {}

    /** One record per problem, in order; {@code record} turns a problem and its result into its record. */
    static List<ObjectNode> solve(SearchStrategy strategy, SearchContext context, List<Problem> problems, long seed,
            BiFunction<Problem, SearchResult, ObjectNode> record) {
        long started = System.nanoTime();
        List<SearchResult> results = strategy.solve(context, problems, seed);
        long batchMillis = (System.nanoTime() - started) / 1_000_000;
        List<ObjectNode> records = new ArrayList<>(problems.size());
        for (int i = 0; i < problems.size(); i++) {
            records.add(record.apply(problems.get(i), results.get(i))
                    .put("batch_wall_ms", batchMillis)
                    .put("batch_size", problems.size()));
        }
        return records;
    }
}
