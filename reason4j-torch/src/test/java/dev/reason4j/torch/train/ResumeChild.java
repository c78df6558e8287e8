package dev.reason4j.torch.train;

import dev.reason4j.lm.LmFixtures;
import dev.reason4j.lm.train.Adaptation;
import dev.reason4j.lm.train.LrSchedule;
import dev.reason4j.lm.train.Objective;
import dev.reason4j.lm.train.StepMetrics;
import dev.reason4j.lm.train.TrainingConfig;
import dev.reason4j.lm.train.TrainingExample;
import dev.reason4j.lm.train.TrainingListener;
import dev.reason4j.lm.train.TrainingPlan;
import dev.reason4j.torch.DeviceChoice;
import java.nio.file.Path;
import java.util.List;

/**
 * A training run in its own JVM for {@link TrainingResumeIT}: prints {@code start S}, {@code step N LOSS} and
 * {@code checkpoint N} lines, and sleeps a little after each step so the test can kill it part-way.
 * Arguments: output directory, {@code full} or {@code lora}, milliseconds to sleep per step.
 */
public final class ResumeChild {

    static final int STEPS = 30;

    private ResumeChild() {}

    static List<TrainingExample> examples() {
        return TinyTask.examples(Objective.SFT, 16, 21);
    }

    static TrainingConfig config(Path out, String adaptation) {
        return TrainingConfig.builder(Objective.SFT, out)
                .adaptation(adaptation.equals("lora") ? Adaptation.lora(4, 8) : Adaptation.full())
                .learningRate(2e-3).schedule(LrSchedule.COSINE).warmupSteps(3).maxSteps(STEPS)
                .microBatchSize(2).gradientAccumulation(2).evalFraction(0.125).evalEvery(10)
                .checkpointEvery(5).keepCheckpoints(2).seed(5).build();
    }

    /** Runs the configuration, printing each event on its own line. */
    static void train(Path out, String adaptation, long sleepMillis, TrainingListener also) {
        try (TorchTrainer trainer = TorchTrainer.open(LmFixtures.checkpoint(LmFixtures.QWEN2_F32), DeviceChoice.CPU, 1)) {
            trainer.train(config(out, adaptation), examples(), new TrainingListener() {
                @Override
                public void onStart(TrainingPlan plan) {
                    also.onStart(plan);
                    System.out.println("start " + plan.startStep());
                }

                @Override
                public void onStep(StepMetrics metrics) {
                    also.onStep(metrics);
                    System.out.println("step " + metrics.step() + " " + metrics.loss());
                    try {
                        Thread.sleep(sleepMillis);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }

                @Override
                public void onCheckpoint(long step, Path dir) {
                    System.out.println("checkpoint " + step);
                }
            });
        }
        System.out.println("finished");
    }

    public static void main(String[] args) {
        train(Path.of(args[0]), args[1], Long.parseLong(args[2]), TrainingListener.NONE);
    }
}
