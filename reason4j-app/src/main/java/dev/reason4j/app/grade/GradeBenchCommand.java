package dev.reason4j.app.grade;

import dev.reason4j.core.grading.MathGrader;
import dev.reason4j.core.grading.Verdict;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code reason4j bench grade}: single-thread grading throughput on a mixed set of answer pairs after warm-up,
 * with the time per kind of answer and the agreement with the generator's labels.
 */
@Command(
        name = "grade",
        mixinStandardHelpOptions = true,
        description = "Grading throughput: checks per second on one thread over a mixed set of answer pairs.")
public final class GradeBenchCommand implements Callable<Integer> {

    private static final double GOAL_CHECKS_PER_SECOND = 2000;

    @Option(names = "--pairs", defaultValue = "1800", description = "Mixed pairs in the set (default: ${DEFAULT-VALUE}).")
    int pairs;

    @Option(names = "--warmup-seconds", defaultValue = "3", description = "Warm-up time (default: ${DEFAULT-VALUE}).")
    double warmupSeconds;

    @Option(names = "--seconds", defaultValue = "5", description = "Measured time (default: ${DEFAULT-VALUE}).")
    double seconds;

    @Option(names = "--seed", defaultValue = "7", description = "Seed of the pair generator (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--write-pairs", paramLabel = "FILE",
            description = "Write the pair set as JSONL ({gold, pred, expected, kind}) and exit, without measuring.")
    Path writePairs;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        MathGrader grader = MathGrader.withDefaults();
        List<MixedGradePairs.Pair> set = new MixedGradePairs(seed).generate(pairs);
        if (writePairs != null) {
            write(set, writePairs);
            out.printf(Locale.ROOT, "wrote %d pairs to %s%n", set.size(), writePairs);
            out.flush();
            return 0;
        }
        out.printf(Locale.ROOT, "reason4j bench grade: %d mixed pairs, seed %d, JDK %s, %d cores available%n",
                set.size(), seed, Runtime.version(), Runtime.getRuntime().availableProcessors());

        long warm = run(grader, set, warmupSeconds);
        out.printf(Locale.ROOT, "warm-up: %d checks in %.1f s%n", warm, warmupSeconds);

        long start = System.nanoTime();
        long checks = run(grader, set, seconds);
        double elapsed = (System.nanoTime() - start) / 1e9;
        double rate = checks / elapsed;
        out.printf(Locale.ROOT, "single thread: %,.0f checks/s (%.1f µs per check) over %.1f s; goal %,.0f/s: %.2fx%n",
                rate, 1e6 / rate, elapsed, GOAL_CHECKS_PER_SECOND, rate / GOAL_CHECKS_PER_SECOND);

        Map<String, long[]> perKind = new TreeMap<>(); // kind -> {nanos, count, disagreements}
        int disagreements = 0;
        for (MixedGradePairs.Pair p : set) {
            long t0 = System.nanoTime();
            Verdict v = grader.grade(p.gold(), p.predicted());
            long[] k = perKind.computeIfAbsent(p.kind(), x -> new long[3]);
            k[0] += System.nanoTime() - t0;
            k[1]++;
            if (v.equal() != p.equal()) {
                k[2]++;
                disagreements++;
            }
        }
        out.printf(Locale.ROOT, "agreement with the generator's labels: %d/%d%n", set.size() - disagreements, set.size());
        out.println("kind            µs/check  pairs  disagreements");
        perKind.forEach((kind, k) -> out.printf(Locale.ROOT, "%-15s %8.1f  %5d  %d%n", kind, k[0] / 1e3 / k[1], k[1], k[2]));
        out.flush();
        return disagreements == 0 ? 0 : 1;
    }

    private static void write(List<MixedGradePairs.Pair> set, Path file) throws IOException {
        ObjectMapper json = new ObjectMapper();
        if (file.toAbsolutePath().getParent() != null) {
            Files.createDirectories(file.toAbsolutePath().getParent());
        }
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (MixedGradePairs.Pair p : set) {
                ObjectNode row = json.createObjectNode()
                        .put("gold", p.gold())
                        .put("pred", p.predicted())
                        .put("expected", p.equal())
                        .put("kind", p.kind());
                w.write(json.writeValueAsString(row));
                w.newLine();
            }
        }
    }

    private static long run(MathGrader grader, List<MixedGradePairs.Pair> set, double seconds) {
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        long checks = 0;
        int sink = 0;
        while (System.nanoTime() < deadline) {
            for (MixedGradePairs.Pair p : set) {
                sink += grader.grade(p.gold(), p.predicted()).equal() ? 1 : 0;
                checks++;
            }
        }
        return sink >= 0 ? checks : -1; // uses sink so the JIT cannot drop the work
    }
}
