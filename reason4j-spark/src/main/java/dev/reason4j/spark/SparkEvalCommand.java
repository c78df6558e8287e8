package dev.reason4j.spark;

import dev.reason4j.recipes.StageResult;
import dev.reason4j.recipes.evolve.TreeExtractionStage;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code reason4j eval} as a Spark application, and with {@code --stage synthesis} the synthesis stage of a
 * {@code reason4j evolve} round ({@link SynthesisStage}): the main class {@code spark-submit} runs. It lives here
 * rather than as a {@code reason4j} subcommand so that the CLI's jars stay free of Spark (a cluster brings its own).
 *
 * <pre>{@code
 * spark-submit --master local[4] --class dev.reason4j.spark.SparkEvalCommand \
 *     --jars "$(ls reason4j-spark/target/lib/*.jar | paste -sd,)" reason4j-spark/target/reason4j-spark.jar \
 *     --endpoint http://gpu1:8000/v1,http://gpu2:8000/v1 --data math500_test.jsonl --strategy mcts --out runs/m1
 * }</pre>
 */
@Command(
        name = "reason4j-spark-eval",
        mixinStandardHelpOptions = true,
        description = {
            "Evaluate search strategies on a problem file with Spark, into a resumable run directory; or, with",
            "--stage synthesis, run the synthesis stage of a `reason4j evolve` round.",
            "Same options as `reason4j eval`, plus how the work is cut (--task-problems, --wave-tasks)."
        })
public final class SparkEvalCommand implements Callable<Integer> {

    /** What the job does to each problem. */
    enum Stage {
        eval,
        synthesis
    }

    @Option(names = "--stage", defaultValue = "eval",
            description = {"eval: the strategies of --strategy, as `reason4j eval`.",
                "synthesis: the synthesis stage of a `reason4j evolve` round: rStar MCTS with the oracle's ±1 terminal "
                        + "rewards and, with --ppm (round 2 on), the previous round's PPM initialising Q; records as "
                        + "the round's results.jsonl (default: ${DEFAULT-VALUE})."})
    Stage stage;

    @Option(names = "--difficulty-field", paramLabel = "NAME",
            description = "synthesis: the problems' field holding their difficulty; default: difficulty, level or tier.")
    String difficultyField;

    @Option(names = "--extract", paramLabel = "DIR",
            description = "synthesis: then extract the round's training data from the trees on the driver "
                    + "(policy_sft.jsonl, ppm_pairs.jsonl, summary.json) into the local DIR, as evolve's data stage.")
    Path extract;

    @Option(names = "--data", required = true, paramLabel = "F",
            description = "Problems: JSONL or JSON on the driver, or Parquet (a file or directory) anywhere Spark reads.")
    String data;

    @Option(names = "--format", paramLabel = "NAME", description = "Dataset format (gsm8k, math, aime24, jsonl, …); default: from the file name.")
    String format;

    @Option(names = "--limit", defaultValue = "0", description = "Only the first N problems; 0 for all (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--strategy", split = ",", defaultValue = "greedy",
            description = "Strategies, comma-separated: greedy, maj, bon, beam, mcts, adaptive (default: ${DEFAULT-VALUE}).")
    List<String> strategies;

    @Option(names = "--out", required = true, paramLabel = "RUN", description = "Run directory: local, hdfs://, s3a://… (created, or resumed).")
    String out;

    @Option(names = "--batch", defaultValue = "8", description = "Problems a task searches together (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--task-problems", defaultValue = "16", description = "Problems per Spark task (default: ${DEFAULT-VALUE}).")
    int taskProblems;

    @Option(names = "--wave-tasks", defaultValue = "0",
            description = "Tasks per committed wave; 0 for four per core (default: ${DEFAULT-VALUE}).")
    int waveTasks;

    @Option(names = "--no-trees", description = "Leave search trees out of the records.")
    boolean noTrees;

    @Option(names = "--seed", defaultValue = "0", description = "Search seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Mixin
    SearchOptionsMixin search;

    @Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command with reason4j's handling of user errors (one line, exit code 2). */
    public static CommandLine commandLine() {
        return new CommandLine(new SparkEvalCommand()).setExecutionExceptionHandler(new UserErrors());
    }

    @Override
    public Integer call() {
        SearchOptions options = search.toOptions();
        SparkJobConfig config = new SparkJobConfig(data, format, limit, out, batch, taskProblems, waveTasks, options);
        ProblemStage problemStage = problemStage(options);
        PrintWriter w = spec.commandLine().getOut();
        SparkConf conf = new SparkConf().setIfMissing("spark.master", "local[*]").setAppName("reason4j " + stage);
        SparkSession spark = SparkSession.builder().config(conf).getOrCreate();
        try {
            Path results = extract == null ? null
                    : SynthesisData.localResults(spark.sparkContext().hadoopConfiguration(), out);
            JobReport report = SparkSearchJob.run(spark, config, problemStage, w);
            printTable(w, report);
            if (results != null) {
                printData(w, SynthesisData.extract(results, extract), extract);
            }
        } finally {
            spark.stop();
            ExecutorSessions.closeAll(); // the driver's own, in local mode
        }
        return 0;
    }

    /** The stage {@code --stage} names, refusing options of the other stage. */
    private ProblemStage problemStage(SearchOptions options) {
        CommandLine.ParseResult given = spec.commandLine().getParseResult();
        List<String> otherStages = stage == Stage.eval ? List.of("--difficulty-field", "--extract")
                : List.of("--strategy", "--no-trees");
        for (String option : otherStages) {
            if (given.hasMatchedOption(option)) {
                throw new IllegalArgumentException(option + " does not apply to --stage " + stage
                        + (stage == Stage.synthesis ? " (it searches with rStar MCTS and keeps every tree)" : ""));
            }
        }
        return stage == Stage.eval ? EvalStage.of(strategies, options, seed, !noTrees)
                : SynthesisStage.of(options, batch, seed, difficultyField);
    }

    private static void printData(PrintWriter w, StageResult data, Path dir) {
        w.printf(Locale.ROOT, "data: %,d SFT trajectories, %,d PPM records (%,.0f pairs) from %,d problems: %s%n",
                data.written().get(TreeExtractionStage.POLICY_SFT), data.written().get(TreeExtractionStage.PPM_PAIRS),
                data.totals().getOrDefault("pairs", 0.0), data.counts().total(), dir);
        w.flush();
    }

    static void printTable(PrintWriter w, JobReport report) {
        w.println("strategy         problems  accuracy  answered  gen tok/pb  prompt tok/pb  cache reuse  code runs"
                + "  reward req  s/pb");
        for (UnitSummary t : report.summaries()) {
            w.printf(Locale.ROOT, "%-16s %8d  %7.1f%%  %7.1f%%  %10.1f  %13.1f  %10.1f%%  %9d  %10d  %4.2f%n",
                    t.strategy(), t.problems(), 100 * t.accuracy(), 100 * t.per(t.answered()),
                    t.per(t.generatedTokens()), t.per(t.promptTokens()), 100 * t.cachedShare(), t.codeExecutions(),
                    t.rewardRequests(), t.per(t.wallSeconds()));
        }
        w.printf(Locale.ROOT, "searched %,d, skipped %,d already recorded, %d waves%nresults: %s/%s (%,d records)%n",
                report.searched(), report.alreadyDone(), report.waves(), report.out(), RunOutput.RESULTS,
                report.records());
        w.flush();
    }
}
