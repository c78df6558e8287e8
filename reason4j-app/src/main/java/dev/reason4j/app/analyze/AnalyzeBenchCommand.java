package dev.reason4j.app.analyze;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reason4j.core.grading.MathGrader;
import dev.reason4j.core.metrics.ApproximateTokenCounter;
import dev.reason4j.core.metrics.ResponseAnalysis;
import dev.reason4j.core.metrics.ResponseAnalyzer;
import dev.reason4j.core.metrics.ResponseInput;
import dev.reason4j.core.metrics.TokenCounter;
import dev.reason4j.core.metrics.split.SolutionSplitter;
import dev.reason4j.core.util.FileTrees;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code reason4j bench analyze}: how fast responses are analysed. Generates long synthetic responses (at least 20
 * paragraphs, several verification and alternative rounds, see {@link SyntheticResponses}), then measures after a
 * warm-up: splitting alone, the whole per-response analysis (split, grade every round, cluster, count tokens) on
 * one thread and on several, and optionally {@code reason4j analyze} end to end on a file (parsing, the run store,
 * responses.jsonl, summary and report). Also prints how often the splitter found exactly the rounds the generator
 * built.
 */
@Command(
        name = "analyze",
        mixinStandardHelpOptions = true,
        description = "Overthinking analysis throughput: responses per second on synthetic long responses.")
public final class AnalyzeBenchCommand implements Callable<Integer> {

    @Option(names = "--responses", defaultValue = "10000", description = "Responses generated (default: ${DEFAULT-VALUE}).")
    int responses;

    @Option(names = "--warmup-seconds", defaultValue = "3",
            description = "Time spent analysing before measuring, so the JIT has compiled the hot code (default: ${DEFAULT-VALUE}).")
    double warmupSeconds;

    @Option(names = "--threads", defaultValue = "0",
            description = "Threads for the parallel measurement; 0 = available processors (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--seed", defaultValue = "11", description = "Generator seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--tokenizer", paramLabel = "T",
            description = "Count tokens with this model directory's tokenizer.json instead of approximately.")
    Path tokenizer;

    @Option(names = "--end-to-end", description = "Also time reason4j analyze on the responses written to a temporary file.")
    boolean endToEnd;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (responses < 1 || !(warmupSeconds >= 0)) {
            throw new IllegalArgumentException("need --responses >= 1 and --warmup-seconds >= 0, got " + responses
                    + " and " + warmupSeconds);
        }
        PrintWriter out = spec.commandLine().getOut();
        int workers = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        List<SyntheticResponses.Synthetic> set = new SyntheticResponses(seed).generate(responses);
        List<ResponseInput> inputs = set.stream().map(s -> ResponseInput.of(s.problem(), s.gold(), s.response())).toList();
        try (HfTokenCounter hf = tokenizer == null ? null : HfTokenCounter.load(tokenizer)) {
            TokenCounter tokens = hf != null ? hf : new ApproximateTokenCounter();
            ResponseAnalyzer analyzer = AnalysisSettings.defaults().analyzer(MathGrader.withDefaults(), tokens);
            out.printf(Locale.ROOT, "reason4j bench analyze: %,d synthetic responses (seed %d), %.1f paragraphs and "
                            + "%,.0f characters on average, %.2f rounds built; tokens: %s; JDK %s, %d cores%n",
                    set.size(), seed, set.stream().mapToInt(SyntheticResponses.Synthetic::paragraphs).average().orElseThrow(),
                    set.stream().mapToInt(s -> s.response().length()).average().orElseThrow(),
                    set.stream().mapToInt(SyntheticResponses.Synthetic::rounds).average().orElseThrow(), tokens.name(),
                    Runtime.version(), Runtime.getRuntime().availableProcessors());
            out.flush();

            long warmupEnd = System.nanoTime() + (long) (warmupSeconds * 1e9);
            for (int i = 0; System.nanoTime() < warmupEnd; i++) {
                analyzer.analyze(inputs.get(i % inputs.size()));
            }

            SolutionSplitter splitter = analyzer.splitter();
            long start = System.nanoTime();
            int agree = 0;
            for (int i = 0; i < set.size(); i++) {
                SyntheticResponses.Synthetic s = set.get(i);
                agree += splitter.split(s.problem(), s.response()).size() == s.rounds() ? 1 : 0;
            }
            double splitSeconds = seconds(start);
            rate(out, "split only, 1 thread", set.size(), splitSeconds);

            start = System.nanoTime();
            List<ResponseAnalysis> analyses = new ArrayList<>(inputs.size());
            for (ResponseInput input : inputs) {
                analyses.add(analyzer.analyze(input));
            }
            double oneThread = seconds(start);
            rate(out, "analysis, 1 thread", inputs.size(), oneThread);

            start = System.nanoTime();
            analyzeInParallel(analyzer, inputs, workers);
            double parallel = seconds(start);
            rate(out, "analysis, " + workers + " threads", inputs.size(), parallel);
            out.printf(Locale.ROOT, "  speed-up with %d threads: %.2fx; analysis / split-only time: %.1fx%n", workers,
                    oneThread / parallel, oneThread / splitSeconds);

            out.printf(Locale.ROOT, "splitter found the rounds built in %.1f%% of responses; mean rounds %.2f, mean "
                            + "tokens %,.0f, ξ_O %.3f, ξ_P %.3f, accuracy %.3f%n", 100.0 * agree / set.size(),
                    analyses.stream().mapToInt(ResponseAnalysis::solutionCount).average().orElseThrow(),
                    analyses.stream().mapToLong(ResponseAnalysis::tokens).average().orElseThrow(),
                    analyses.stream().mapToDouble(ResponseAnalysis::outcomeEfficiency).average().orElseThrow(),
                    analyses.stream().mapToDouble(ResponseAnalysis::processEfficiency).average().orElseThrow(),
                    analyses.stream().filter(ResponseAnalysis::correct).count() / (double) analyses.size());
        }
        if (endToEnd) {
            endToEnd(out, set);
        }
        out.flush();
        return 0;
    }

    private static void analyzeInParallel(ResponseAnalyzer analyzer, List<ResponseInput> inputs, int workers)
            throws Exception {
        int chunk = Math.max(1, inputs.size() / (workers * 8));
        try (ExecutorService pool = Executors.newFixedThreadPool(workers)) {
            List<Future<?>> futures = new ArrayList<>();
            for (int from = 0; from < inputs.size(); from += chunk) {
                List<ResponseInput> part = inputs.subList(from, Math.min(inputs.size(), from + chunk));
                futures.add(pool.submit(() -> part.forEach(analyzer::analyze)));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        }
    }

    /** {@code reason4j analyze} on the set written as JSONL to a temporary directory, deleted afterwards. */
    private void endToEnd(PrintWriter out, List<SyntheticResponses.Synthetic> set) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        Path dir = Files.createTempDirectory("reason4j-bench-analyze");
        try {
            Path input = dir.resolve("responses.jsonl");
            try (var w = Files.newBufferedWriter(input, StandardCharsets.UTF_8)) {
                for (SyntheticResponses.Synthetic s : set) {
                    w.write(mapper.writeValueAsString(mapper.createObjectNode().put("problem", s.problem())
                            .put("answer", s.gold()).put("response", s.response())));
                    w.write('\n');
                }
            }
            CommandLine analyze = new CommandLine(new AnalyzeCommand());
            analyze.setOut(new PrintWriter(new StringWriter()));
            List<String> args = new ArrayList<>(List.of("--input", input.toString(), "--out", dir.resolve("run").toString()));
            if (tokenizer != null) {
                args.addAll(List.of("--tokenizer", tokenizer.toString()));
            }
            long start = System.nanoTime();
            int code = analyze.execute(args.toArray(String[]::new));
            double elapsed = seconds(start);
            if (code != 0) {
                throw new IllegalStateException("reason4j analyze failed with exit code " + code);
            }
            rate(out, "reason4j analyze end to end (file, run store, responses.jsonl, summary, report)", set.size(),
                    elapsed);
        } finally {
            FileTrees.deleteRecursively(dir);
        }
    }

    private static void rate(PrintWriter out, String what, int n, double seconds) {
        out.printf(Locale.ROOT, "%-28s %,10.0f responses/s (%,d in %.2f s, %.0f µs each)%n", what + ":", n / seconds, n,
                seconds, 1e6 * seconds / n);
        out.flush();
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
