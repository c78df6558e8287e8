package dev.reason4j.torch.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reason4j.lm.LmFixtures;
import dev.reason4j.lm.reward.RewardModel;
import dev.reason4j.lm.reward.ValueTransform;
import dev.reason4j.lm.train.LrSchedule;
import dev.reason4j.lm.train.Objective;
import dev.reason4j.lm.train.StepMetrics;
import dev.reason4j.lm.train.StepPairsExample;
import dev.reason4j.lm.train.TrainingConfig;
import dev.reason4j.lm.train.TrainingExample;
import dev.reason4j.lm.train.TrainingListener;
import dev.reason4j.lm.train.TrainingResult;
import dev.reason4j.torch.DeviceChoice;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.pytorch.global.torch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every objective, 50 full-batch steps on a tiny task from the float32 Qwen2 fixture: the loss goes down, and the
 * run ends with a Hugging Face model directory. Full-batch steps make step 1's loss the starting model's loss on the
 * whole task and step 50's the trained model's.
 */
class TrainersTest {

    private static final int EXAMPLES = 8;

    @TempDir
    Path tmp;

    @BeforeAll
    static void oneThread() {
        torch.set_num_threads(1);
    }

    @ParameterizedTest
    @EnumSource(Objective.class)
    void should_lower_the_loss_in_50_steps(Objective objective) {
        List<TrainingExample> examples = TinyTask.examples(objective, EXAMPLES, 7);
        TrainingConfig config = TrainingConfig.builder(objective, tmp.resolve("out"))
                .learningRate(3e-3).schedule(LrSchedule.CONSTANT).maxSteps(50).microBatchSize(EXAMPLES)
                .checkpointEvery(0).seed(3).build();
        List<StepMetrics> steps = new ArrayList<>();
        TrainingResult result;
        try (TorchTrainer trainer = TorchTrainer.open(LmFixtures.checkpoint(LmFixtures.QWEN2_F32), DeviceChoice.CPU, 1)) {
            result = trainer.train(config, examples, new TrainingListener() {
                @Override
                public void onStep(StepMetrics metrics) {
                    steps.add(metrics);
                }
            });
        }
        assertThat(steps).hasSize(50);
        double first = steps.get(0).loss();
        double last = steps.get(49).loss();
        assertThat(last).as("%s loss: first %s, last %s", objective, first, last).isLessThan(first - 0.1);
        assertThat(steps.get(0).gradNorm()).isPositive();
        // the length-harmonizing loss stops pulling once every ratio is clipped: a zero gradient is right there
        assertThat(steps).allSatisfy(m -> assertThat(m.gradNorm()).isFinite().isGreaterThanOrEqualTo(0));
        assertThat(result.steps()).isEqualTo(50);
        assertThat(result.tokens()).isEqualTo(steps.stream().mapToLong(StepMetrics::tokens).sum());
        assertThat(Files.exists(result.modelDir().resolve("model.safetensors"))).isTrue();
        assertThat(Files.exists(result.modelDir().resolve("tokenizer.json"))).isTrue();
        System.out.printf("%s: loss %.4f -> %.4f, %.0f tokens/s%n", objective, first, last, result.tokensPerSecond());
    }

    @Test
    void a_trained_ppm_ranks_correct_leading_steps_first_when_loaded_as_a_reward_model() {
        List<TrainingExample> nodes = TinyTask.examples(Objective.PPM, EXAMPLES, 7);
        TrainingConfig config = TrainingConfig.builder(Objective.PPM, tmp.resolve("ppm")).learningRate(3e-3)
                .schedule(LrSchedule.CONSTANT).maxSteps(50).microBatchSize(EXAMPLES).checkpointEvery(0).build();
        Path dir;
        try (TorchTrainer trainer = TorchTrainer.open(LmFixtures.checkpoint(LmFixtures.QWEN2_F32), DeviceChoice.CPU, 1)) {
            dir = trainer.train(config, nodes, TrainingListener.NONE).modelDir();
        }
        int right = 0;
        int pairs = 0;
        try (TorchRewardModel ppm = TorchRewardModel.open(dir, RewardModel.Kind.PROCESS, DeviceChoice.CPU,
                ValueTransform.TANH_OVER_5)) {
            for (TrainingExample example : nodes) {
                StepPairsExample node = (StepPairsExample) example;
                double[] positive = ppm.rawScores(node.positives().stream().map(s -> SequenceBatch.Scored.of(node.prefix(), s).tokens()).toList());
                double[] negative = ppm.rawScores(node.negatives().stream().map(s -> SequenceBatch.Scored.of(node.prefix(), s).tokens()).toList());
                for (double p : positive) {
                    for (double n : negative) {
                        right += p > n ? 1 : 0;
                        pairs++;
                    }
                }
            }
        }
        assertThat((double) right / pairs).isGreaterThanOrEqualTo(0.9);
    }
}
