package dev.reason4j.spark;

import java.io.Serializable;
import java.util.Objects;

/**
 * A Spark search job: what to read, where to write, how to cut the work, and how to search.
 *
 * @param data the problems: JSONL or JSON on the driver, or Parquet (file or directory) anywhere Spark reads
 * @param format a dataset format name (gsm8k, math, jsonl, …), or null to tell it from the file name
 * @param limit only the first {@code limit} problems; 0 for all
 * @param out the run directory (local, {@code hdfs://}, {@code s3a://}, …)
 * @param batch problems one task searches together (one generation round for all of them at a time)
 * @param taskProblems problems per Spark task: a failed task redoes at most this many
 * @param waveTasks tasks per wave; each wave is committed as it ends, so a killed driver loses at most one wave;
 *     0 for four per core of the cluster
 * @param search how the executors search
 */
public record SparkJobConfig(String data, String format, int limit, String out, int batch, int taskProblems,
        int waveTasks, SearchOptions search) implements Serializable {

    public SparkJobConfig {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(search, "search");
        requireAtLeast("limit", limit, 0);
        requireAtLeast("batch", batch, 1);
        requireAtLeast("task-problems", taskProblems, 1);
        requireAtLeast("wave-tasks", waveTasks, 0);
    }

    private static void requireAtLeast(String field, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(field + " must be >= " + min + ", was " + value);
        }
    }
}
