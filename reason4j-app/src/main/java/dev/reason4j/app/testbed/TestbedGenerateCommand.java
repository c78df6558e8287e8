package dev.reason4j.app.testbed;

import dev.reason4j.app.Progress;
import dev.reason4j.core.provenance.RunManifest;
import dev.reason4j.testbed.AtomicFile;
import dev.reason4j.testbed.world.Families;
import dev.reason4j.testbed.world.TierRange;
import dev.reason4j.testbed.world.WorldConfig;
import dev.reason4j.testbed.world.WorldGenerator;
import dev.reason4j.testbed.world.WorldJsonl;
import dev.reason4j.testbed.world.WorldProblem;
import dev.reason4j.testbed.world.WorldSplit;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import me.tongfei.progressbar.ProgressBar;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code reason4j testbed generate --out DIR --seed S --train N --test M [--tiers 1-8]}: writes
 * {@code train.jsonl}, {@code test.jsonl} and {@code run.json} (command, counts, tiers, seed) and prints the
 * problems per tier. Generation is deterministic and takes seconds, so a rerun rewrites the files rather than
 * resuming.
 */
@Command(name = "generate", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Generate train and test problems of the arithmetic world as JSONL.")
final class TestbedGenerateCommand implements Callable<Integer> {

    static final String TRAIN_FILE = "train.jsonl";
    static final String TEST_FILE = "test.jsonl";

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory for train.jsonl, test.jsonl and run.json.")
    Path out;

    @Option(names = "--seed", defaultValue = "1", description = "World seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--train", defaultValue = "10000", paramLabel = "N", description = "Training problems (default: ${DEFAULT-VALUE}).")
    int train;

    @Option(names = "--test", defaultValue = "1000", paramLabel = "M", description = "Test problems (default: ${DEFAULT-VALUE}).")
    int test;

    @Option(names = "--tiers", defaultValue = "1-8", paramLabel = "A-B",
            description = "Difficulty tiers, by number of operations (default: ${DEFAULT-VALUE}).")
    String tiers;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        WorldConfig config = new WorldConfig(seed, train, test, TierRange.parse(tiers));
        WorldSplit split;
        try (ProgressBar bar = Progress.bar("testbed generate", "problems", (long) train + test, 0)) {
            split = WorldGenerator.generate(config, p -> bar.step());
        }
        WorldJsonl.write(out.resolve(TRAIN_FILE), split.train());
        WorldJsonl.write(out.resolve(TEST_FILE), split.test());
        RunManifest manifest = RunManifest.builder("testbed generate")
                .config("train", train)
                .config("test", test)
                .config("tiers", config.tiers().toString())
                .config("families", Families.names())
                .seed("world", seed)
                .build();
        AtomicFile.write(out.resolve("run.json"), w -> w.write(manifest.toJson()));
        PrintWriter printer = spec.commandLine().getOut();
        printSummary(printer, split, config.tiers());
        printer.printf("wrote %s and %s%n", out.resolve(TRAIN_FILE), out.resolve(TEST_FILE));
        printer.flush();
        return 0;
    }

    private static void printSummary(PrintWriter out, WorldSplit split, TierRange tiers) {
        out.printf(Locale.ROOT, "%-6s %8s %8s %10s %10s%n", "tier", "train", "test", "fractions", "templates");
        for (int tier = tiers.min(); tier <= tiers.max(); tier++) {
            int t = tier;
            List<WorldProblem> trainTier = split.train().stream().filter(p -> p.difficulty() == t).toList();
            List<WorldProblem> testTier = split.test().stream().filter(p -> p.difficulty() == t).toList();
            List<WorldProblem> both = Stream.concat(trainTier.stream(), testTier.stream()).toList();
            out.printf(Locale.ROOT, "%-6d %8d %8d %9.1f%% %10d%n", tier, trainTier.size(), testTier.size(),
                    100.0 * both.stream().filter(p -> !p.answer().isInteger()).count() / Math.max(1, both.size()),
                    both.stream().map(WorldProblem::template).distinct().count());
        }
    }
}
