package dev.reason4j.spark;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reason4j.core.store.RunMismatchException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Failures in local[2] with up to 3 attempts per task, against our own server on loopback: a task that fails after
 * writing part of its output is retried and every problem is recorded exactly once; a job that dies part way
 * leaves its committed waves, and the rerun searches only the rest.
 */
class SparkJobRecoveryIT {

    private static final int PROBLEMS = 10;

    private static LoopbackServer server;
    private static SparkSession spark;

    private final StringWriter log = new StringWriter();

    @BeforeAll
    static void start() {
        server = LoopbackServer.start();
        spark = LocalSpark.start("local[2,3]");
    }

    @AfterAll
    static void stop() {
        try {
            spark.stop();
            ExecutorSessions.closeAll();
        } finally {
            server.close();
        }
    }

    @BeforeEach
    void resetFailures() {
        FaultyStage.FAILURES.set(0);
    }

    @Test
    void should_record_every_problem_once_when_a_task_fails_after_writing_part_of_its_output(@TempDir Path dir)
            throws IOException {
        SparkJobConfig config = config(dir, 4, 3);
        ProblemStage stage = FaultyStage.failingFirstAttempt(stage(config, 5));

        JobReport report = SparkSearchJob.run(spark, config, stage, new PrintWriter(log));

        assertThat(report.waves()).isEqualTo(2);
        assertThat(FaultyStage.FAILURES.get()).as("partition 0 of each wave failed once").isEqualTo(2);
        assertEveryProblemOnce(config, 2);
        assertThat(report.searched()).isEqualTo(2 * PROBLEMS);
        assertThat(report.duplicates()).isZero();
        assertThat(Files.readAllLines(Path.of(config.out()).resolve("results.jsonl"))).hasSize(2 * PROBLEMS);
    }

    @Test
    void should_search_only_unfinished_problems_when_rerun_after_a_failed_job(@TempDir Path dir) throws IOException {
        SparkJobConfig config = config(dir, 2, 2);
        EvalStage eval = stage(config, 5);

        assertThatThrownBy(() -> SparkSearchJob.run(spark, config, FaultyStage.failingFrom(eval, 8), new PrintWriter(log)))
                .hasStackTraceContaining("injected failure from problem 9");
        List<Row> firstRun = records(config).select("problem_id", "commit").collectAsList();
        assertThat(firstRun).as("two waves of 4 (greedy on problems 1-8) and nothing of the failed third").hasSize(2 * 4);

        JobReport rerun = SparkSearchJob.run(spark, config, eval, new PrintWriter(log));

        assertThat(log.toString()).contains("resuming " + rerun.out() + ": 8 of 20 results already recorded");
        assertThat(rerun.alreadyDone()).isEqualTo(8);
        assertThat(rerun.searched()).isEqualTo(12);
        assertEveryProblemOnce(config, 2);
        assertThat(records(config).select("problem_id", "commit").collectAsList())
                .as("the first run's records stay as they were committed").containsAll(firstRun);

        Path results = Path.of(config.out()).resolve("results.jsonl");
        List<String> complete = Files.readAllLines(results);
        JobReport again = SparkSearchJob.run(spark, config, eval, new PrintWriter(log));
        assertThat(again.searched()).isZero();
        assertThat(again.waves()).isZero();
        assertThat(Files.readAllLines(results)).isEqualTo(complete);

        assertThatThrownBy(() -> SparkSearchJob.run(spark, config, stage(config, 6), new PrintWriter(log)))
                .isInstanceOf(RunMismatchException.class)
                .hasMessageContaining("seed");
    }

    private SparkJobConfig config(Path dir, int taskProblems, int waveTasks) throws IOException {
        Path data = dir.resolve("arith.jsonl");
        StringBuilder problems = new StringBuilder();
        for (int i = 1; i <= PROBLEMS; i++) {
            problems.append(String.format("{\"question\": \"What is %d plus %d?\", \"answer\": \"%d\"}%n", i, i, 2 * i));
        }
        Files.writeString(data, problems);
        SearchOptions search = new SearchOptions(
                new PolicySource.Endpoints(List.of(server.baseUrl()), null, null),
                new StepOptions(StepOptions.Protocol.cot, null, false, "", 1),
                new SamplingOptions(0.8, 0.95, 8, 2, 0, false),
                new StrategyOptions(2, StrategyOptions.Aggregate.min, 4, 4, 8, 16, 2, false, 2, 0, 0.75, 0.5,
                        StrategyOptions.Selection.auto),
                RewardOptions.none(),
                new SandboxOptions("python3", 1));
        return new SparkJobConfig(data.toString(), null, 0, dir.resolve("run").toString(), 2, taskProblems, waveTasks,
                search);
    }

    private static EvalStage stage(SparkJobConfig config, long seed) {
        return EvalStage.of(List.of("greedy", "maj"), config.search(), seed, true);
    }

    private static org.apache.spark.sql.Dataset<Row> records(SparkJobConfig config) {
        return spark.read().parquet(Path.of(config.out()).resolve("records").toString());
    }

    /** Every (strategy, problem) has exactly one committed record, before any deduplication. */
    private static void assertEveryProblemOnce(SparkJobConfig config, int units) {
        org.apache.spark.sql.Dataset<Row> records = records(config);
        assertThat(records.count()).isEqualTo((long) units * PROBLEMS);
        assertThat(records.groupBy("strategy", "problem_id").count().where(col("count").notEqual(1)).count()).isZero();
        assertThat(records.select("problem_id").distinct().count()).isEqualTo(PROBLEMS);
    }
}
