package dev.reason4j.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.row_number;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reason4j.core.provenance.RunManifest;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * Runs a {@link ProblemStage} over a problem file on a Spark cluster into a resumable run directory
 * ({@link RunOutput}).
 *
 * <p>The work is every (unit, problem) pair that no earlier run of the same job committed. It is cut into waves of
 * {@code waveTasks} tasks of {@code taskProblems} problems, in input order; each wave is one Spark job whose tasks
 * search their problems on the executors ({@link PartitionSearch}) and write them through Spark's output committer
 * into the wave's own directory, so a task's records appear exactly once, whole, however often the task was retried
 * or speculated, and a failed attempt leaves nothing. A rerun after a killed driver resumes from the last committed
 * wave; a rerun after a complete run searches nothing and rewrites the consolidated outputs.
 */
public final class SparkSearchJob {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String COMMIT = "commit";

    private SparkSearchJob() {}

    /**
     * Runs the job, printing one line per wave to {@code log}.
     *
     * @throws dev.reason4j.core.store.RunMismatchException when {@code config.out()} holds another job
     */
    public static JobReport run(SparkSession spark, SparkJobConfig config, ProblemStage stage, PrintWriter log) {
        ProblemInput input = ProblemInput.read(spark, config.data(), config.format(), config.limit());
        RunOutput out = RunOutput.claim(spark, config.out(), manifest(config, stage, input));
        List<String> units = stage.units();
        Dataset<Row> work = pending(spark, input.problems(), units, out).persist(StorageLevel.MEMORY_AND_DISK());
        try {
            long problems = input.problems().count();
            List<Row> keys = work.select(ProblemRows.UNIT, ProblemRows.ORDINAL)
                    .orderBy(ProblemRows.UNIT, ProblemRows.ORDINAL).collectAsList();
            long alreadyDone = problems * units.size() - keys.size();
            if (alreadyDone > 0) {
                log.printf(Locale.ROOT, "resuming %s: %,d of %,d results already recorded%n", out.uri(), alreadyDone,
                        problems * units.size());
                log.flush();
            }
            int waveTasks = config.waveTasks() > 0 ? config.waveTasks() : 4 * spark.sparkContext().defaultParallelism();
            int waveSize = Math.multiplyExact(waveTasks, config.taskProblems());
            int waves = 0;
            for (int from = 0; from < keys.size(); from += waveSize) {
                int to = Math.min(keys.size(), from + waveSize);
                int tasks = (to - from + config.taskProblems() - 1) / config.taskProblems();
                work.where(between(keys.get(from), keys.get(to - 1)))
                        .repartitionByRange(tasks, col(ProblemRows.UNIT), col(ProblemRows.ORDINAL))
                        .sortWithinPartitions(ProblemRows.UNIT, ProblemRows.ORDINAL)
                        .mapPartitions(new PartitionSearch(stage, config.search(), config.batch()),
                                Encoders.row(RecordRows.SCHEMA))
                        .write()
                        .parquet(out.waveDirectory(waves));
                waves++;
                log.printf(Locale.ROOT, "wave %d: %,d results in %d tasks committed (%,d of %,d)%n", waves, to - from,
                        tasks, alreadyDone + to, problems * units.size());
                log.flush();
            }
            return consolidate(spark, out, problems, alreadyDone, keys.size(), waves);
        } finally {
            work.unpersist();
        }
    }

    private static RunManifest manifest(SparkJobConfig config, ProblemStage stage, ProblemInput input) {
        RunManifest.Builder job = RunManifest.builder(stage.name())
                .config(config.search().config())
                .config(stage.config())
                .config("format", input.format())
                .config("limit", config.limit());
        if (config.search().sampling().lockstep()) {
            job.config("batch", config.batch()); // lockstep trees depend on which problems share a batch
        }
        stage.seeds().forEach(job::seed);
        input.files().forEach(job::input);
        return job.build();
    }

    /** Every (unit, problem) pair without a committed record. */
    private static Dataset<Row> pending(SparkSession spark, Dataset<Row> problems, List<String> units, RunOutput out) {
        List<Row> unitRows = new ArrayList<>();
        for (int i = 0; i < units.size(); i++) {
            unitRows.add(RowFactory.create(i, units.get(i)));
        }
        Dataset<Row> unitTable = spark.createDataFrame(unitRows, new StructType()
                .add(ProblemRows.UNIT, DataTypes.IntegerType, false)
                .add(ProblemRows.UNIT_NAME, DataTypes.StringType, false));
        Dataset<Row> work = problems.crossJoin(unitTable);
        if (!out.hasRecords()) {
            return work;
        }
        Dataset<Row> done = spark.read().parquet(out.records())
                .select(col(RecordRows.STRATEGY).as(ProblemRows.UNIT_NAME), col(RecordRows.PROBLEM_ID).as(ProblemRows.ID));
        return work.join(done, scala.jdk.javaapi.CollectionConverters.asScala(
                List.of(ProblemRows.UNIT_NAME, ProblemRows.ID)).toSeq(), "left_anti");
    }

    /** The rows from key {@code first} to key {@code last}, both included, in (unit, ordinal) order. */
    private static Column between(Row first, Row last) {
        Column unit = col(ProblemRows.UNIT);
        Column ordinal = col(ProblemRows.ORDINAL);
        Column fromFirst = unit.gt(first.getInt(0)).or(unit.equalTo(first.getInt(0)).and(ordinal.geq(first.getLong(1))));
        Column toLast = unit.lt(last.getInt(0)).or(unit.equalTo(last.getInt(0)).and(ordinal.leq(last.getLong(1))));
        return fromFirst.and(toLast);
    }

    /** Writes results.jsonl and the summaries from every committed record, one per problem and unit. */
    private static JobReport consolidate(SparkSession spark, RunOutput out, long problems, long alreadyDone,
            long searched, int waves) {
        if (!out.hasRecords()) {
            out.writeAtomically(RunOutput.RESULTS, List.<String>of().iterator());
            writeSummary(spark, out, List.of());
            return new JobReport(out.uri(), problems, alreadyDone, searched, waves, 0, 0, List.of());
        }
        Dataset<Row> committed = spark.read().parquet(out.records());
        // the earliest commit of a problem wins; run ids sort by start time
        Dataset<Row> records = committed
                .withColumn("copy", row_number().over(Window.partitionBy(RecordRows.STRATEGY, RecordRows.PROBLEM_ID)
                        .orderBy(col(COMMIT))))
                .where(col("copy").equalTo(1))
                .drop("copy", COMMIT)
                .persist(StorageLevel.MEMORY_AND_DISK());
        try {
            long distinct = records.count();
            long duplicates = committed.count() - distinct;
            Iterator<Row> lines = records.orderBy(RecordRows.UNIT, RecordRows.ORDINAL).select(RecordRows.RECORD)
                    .toLocalIterator();
            out.writeAtomically(RunOutput.RESULTS, new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return lines.hasNext();
                }

                @Override
                public String next() {
                    return lines.next().getString(0);
                }
            });
            List<UnitSummary> summaries = UnitSummary.of(records);
            writeSummary(spark, out, summaries);
            return new JobReport(out.uri(), problems, alreadyDone, searched, waves, distinct, duplicates, summaries);
        } finally {
            records.unpersist();
        }
    }

    private static void writeSummary(SparkSession spark, RunOutput out, List<UnitSummary> summaries) {
        ObjectNode root = MAPPER.createObjectNode();
        ArrayNode rows = root.putArray("strategies");
        List<String> lines = new ArrayList<>();
        for (UnitSummary s : summaries) {
            ObjectNode row = s.toJson(MAPPER);
            rows.add(row);
            lines.add(row.toString());
        }
        try {
            out.writeAtomically(RunOutput.SUMMARY_JSON,
                    List.of(MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root)).iterator());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        out.writeAtomically(RunOutput.SUMMARY_JSONL, lines.iterator());
        if (lines.isEmpty()) {
            return; // Parquet has no file without columns
        }
        spark.read().json(spark.createDataset(lines, Encoders.STRING())).coalesce(1).write().mode("overwrite")
                .parquet(out.file(RunOutput.SUMMARY_PARQUET));
    }
}
