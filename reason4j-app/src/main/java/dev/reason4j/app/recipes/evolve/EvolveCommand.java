package dev.reason4j.app.recipes.evolve;

import dev.reason4j.app.recipes.common.CliStageProgress;
import dev.reason4j.core.grading.MathGrader;
import dev.reason4j.recipes.StageProgress;
import dev.reason4j.recipes.evolve.EvolutionListener;
import dev.reason4j.recipes.evolve.EvolutionStage;
import dev.reason4j.recipes.evolve.EvolveConfig;
import dev.reason4j.recipes.evolve.EvolveConfigFile;
import dev.reason4j.recipes.evolve.RoundReport;
import dev.reason4j.recipes.evolve.SelfEvolution;
import dev.reason4j.recipes.evolve.StageOutcome;
import dev.reason4j.torch.ComputeDtype;
import dev.reason4j.torch.DeviceChoice;
import dev.reason4j.torch.EngineOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code reason4j evolve --config evolve.yaml --out RUN}: rStar-Math self-evolution rounds
 * ({@link SelfEvolution}): per round, MCTS synthesis with oracle rewards (and the previous PPM), SFT data and PPM
 * pairs, the policy trained from the base model and the PPM from that policy, and an evaluation. One line per
 * completed stage, a progress bar per stage, and a table of the rounds at the end. Rerun the same command after a
 * crash or {@code kill -9} to resume.
 */
@Command(
        name = "evolve",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "rStar-Math self-evolution: rounds of MCTS synthesis, policy SFT, PPM training and evaluation, resumable.",
            "  reason4j evolve --config evolve.yaml --out runs/evolve"
        })
public final class EvolveCommand implements Callable<Integer> {

    @Option(names = "--config", required = true, paramLabel = "YAML",
            description = "The run's configuration (see the README's \"Self-evolution (rStar-Math)\").")
    Path config;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Run directory: created, or resumed when it holds the same configuration.")
    Path out;

    @Option(names = "--device", defaultValue = "auto", description = "cpu, cuda or auto (default: ${DEFAULT-VALUE}).")
    String device;

    @Option(names = "--dtype", defaultValue = "auto",
            description = "Policy compute dtype: auto, float32, bfloat16 or float16 (default: ${DEFAULT-VALUE}).")
    String dtype;

    @Option(names = "--threads", defaultValue = "0",
            description = "libtorch threads; 0 lets libtorch choose (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--prefix-cache-mb", defaultValue = "512",
            description = "Prefix cache of the policy engine; 0 turns it off (default: ${DEFAULT-VALUE}).")
    long prefixCacheMb;

    @Option(names = "--python", defaultValue = "python3",
            description = "Code protocol: the sandbox's Python command (default: ${DEFAULT-VALUE}).")
    String python;

    @Option(names = "--workers", defaultValue = "2",
            description = "Code protocol: Python workers (default: ${DEFAULT-VALUE}).")
    int workers;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (threads < 0) {
            throw new IllegalArgumentException("--threads must be >= 0, was " + threads);
        }
        EvolveConfig settings = EvolveConfigFile.read(config);
        EngineOptions engine = EngineOptions.builder()
                .device(DeviceChoice.parse(device))
                .dtype(ComputeDtype.parse(dtype))
                .threads(threads)
                .prefixCacheBytes(prefixCacheMb << 20)
                .build();
        PrintWriter w = spec.commandLine().getOut();
        SelfEvolution evolution = new SelfEvolution(settings, new TorchEvolutionModels(engine, threads, python, workers),
                MathGrader.withDefaults(), listener(w));
        List<RoundReport> rounds = evolution.run(out);
        RoundTable.print(w, rounds);
        w.printf("rounds: %s%nrun: %s%n", out.resolve(SelfEvolution.ROUNDS), out);
        w.flush();
        return 0;
    }

    /** A line per completed stage on standard output, a bar per running stage on standard error. */
    private static EvolutionListener listener(PrintWriter w) {
        return new EvolutionListener() {
            @Override
            public StageProgress progress(int round, EvolutionStage stage) {
                boolean training = stage == EvolutionStage.POLICY || stage == EvolutionStage.PPM;
                return named((training ? "train " : "") + stage.dirName() + " (round " + round + ")");
            }

            @Override
            public void onStage(int round, EvolutionStage stage, StageOutcome outcome, boolean earlier) {
                String status = earlier ? "done earlier" : outcome.ran() ? "finished" : "skipped";
                w.printf("round %d %s %s: %s%n", round, stage.dirName(), status, outcome.detail());
                w.flush();
            }
        };
    }

    /** A progress bar named {@code label}, whatever the stage calls itself ("train …" counts steps). */
    private static StageProgress named(String label) {
        StageProgress bars = new CliStageProgress();
        return new StageProgress() {
            @Override
            public void start(String stage, long total, long alreadyDone) {
                bars.start(label, total, alreadyDone);
            }

            @Override
            public void step() {
                bars.step();
            }

            @Override
            public void finish() {
                bars.finish();
            }
        };
    }
}
