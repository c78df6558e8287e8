package dev.reason4j.torch.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.reason4j.lm.LmFixtures;
import dev.reason4j.lm.train.Adaptation;
import dev.reason4j.lm.train.Objective;
import dev.reason4j.lm.train.SequenceExample;
import dev.reason4j.lm.train.StepMetrics;
import dev.reason4j.lm.train.TrainingConfig;
import dev.reason4j.lm.train.TrainingExample;
import dev.reason4j.lm.train.TrainingListener;
import dev.reason4j.lm.train.TrainingResult;
import dev.reason4j.torch.DeviceChoice;
import dev.reason4j.torch.Tensors;
import dev.reason4j.torch.model.ModelConfig;
import dev.reason4j.torch.safetensors.SafetensorsCheckpoint;
import dev.reason4j.torch.safetensors.SafetensorsDType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.global.torch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The training loop's contract: accumulation, freezing, eval loss, learning-rate schedule, refusals. */
@SuppressWarnings("try") // scopes free what their blocks allocate
class TorchTrainerTest {

    private static final Path BASE = LmFixtures.checkpoint(LmFixtures.QWEN2_F32);

    @TempDir
    Path tmp;

    @BeforeAll
    static void oneThread() {
        torch.set_num_threads(1);
    }

    private static List<StepMetrics> train(TrainingConfig config, List<TrainingExample> examples) {
        List<StepMetrics> steps = new ArrayList<>();
        try (TorchTrainer trainer = TorchTrainer.open(BASE, DeviceChoice.CPU, 1)) {
            trainer.train(config, examples, new TrainingListener() {
                @Override
                public void onStep(StepMetrics metrics) {
                    steps.add(metrics);
                }
            });
        }
        return steps;
    }

    @Test
    void two_accumulated_micro_batches_make_the_same_step_as_one_batch_of_both() {
        List<TrainingExample> examples = TinyTask.examples(Objective.SFT, 8, 1); // every response has 4 tokens
        TrainingConfig whole = TrainingConfig.builder(Objective.SFT, tmp.resolve("whole")).maxSteps(2)
                .microBatchSize(4).learningRate(1e-3).seed(9).build();
        TrainingConfig split = whole.toBuilder().outputDir(tmp.resolve("split")).microBatchSize(2).gradientAccumulation(2)
                .build();
        List<StepMetrics> a = train(whole, examples);
        List<StepMetrics> b = train(split, examples);
        for (int i = 0; i < 2; i++) {
            assertThat(b.get(i).loss()).isCloseTo(a.get(i).loss(), within(1e-5));
            assertThat(b.get(i).gradNorm()).isCloseTo(a.get(i).gradNorm(), within(1e-5));
            assertThat(b.get(i).tokens()).isEqualTo(a.get(i).tokens());
        }
    }

    @Test
    void freezing_all_but_the_last_layer_leaves_the_rest_unchanged() {
        TrainingConfig config = TrainingConfig.builder(Objective.SFT, tmp.resolve("last")).maxSteps(3)
                .microBatchSize(4).learningRate(1e-2).adaptation(Adaptation.lastLayers(1)).build();
        train(config, TinyTask.examples(Objective.SFT, 8, 2));
        try (SafetensorsCheckpoint before = SafetensorsCheckpoint.open(BASE);
                SafetensorsCheckpoint after = SafetensorsCheckpoint.open(tmp.resolve("last"))) {
            assertThat(after.names()).isEqualTo(before.names());
            for (String name : before.names()) {
                boolean trained = name.startsWith("model.layers.1.") || name.equals("model.norm.weight")
                        || name.equals("lm_head.weight");
                try (PointerScope scope = new PointerScope()) {
                    boolean same = Arrays.equals(Tensors.floats(before.read(name)), Tensors.floats(after.read(name)));
                    assertThat(same).as("%s unchanged", name).isEqualTo(!trained);
                }
            }
        }
    }

    @Test
    void eval_loss_and_the_learning_rate_schedule_are_reported() {
        TrainingConfig config = TrainingConfig.builder(Objective.SFT, tmp.resolve("eval")).maxSteps(6)
                .microBatchSize(2).learningRate(1e-3).warmupSteps(2).evalFraction(0.25).evalEvery(2).build();
        List<StepMetrics> steps;
        TrainingResult result;
        List<StepMetrics> seen = new ArrayList<>();
        try (TorchTrainer trainer = TorchTrainer.open(BASE, DeviceChoice.CPU, 1)) {
            result = trainer.train(config, TinyTask.examples(Objective.SFT, 8, 3), new TrainingListener() {
                @Override
                public void onStep(StepMetrics metrics) {
                    seen.add(metrics);
                }
            });
        }
        steps = seen;
        assertThat(steps).extracting(m -> m.evalLoss().isPresent()).containsExactly(false, true, false, true, false, true);
        assertThat(result.evalLoss()).isPresent();
        assertThat(result.evalLoss().getAsDouble()).isCloseTo(steps.get(5).evalLoss().getAsDouble(), within(1e-9));
        for (StepMetrics m : steps) {
            assertThat(m.learningRate()).isEqualTo(config.learningRateAt(m.step() - 1, 6));
        }
        assertThat(steps.get(0).learningRate()).isCloseTo(1e-3 / 3, within(1e-12)); // warmup: peak·1/3
        assertThat(steps.get(2).learningRate()).isEqualTo(1e-3); // first step after warmup: cosine at its peak
        assertThat(steps.get(0).epoch()).isCloseTo(2.0 / 6, within(1e-12)); // 6 training examples, 2 per step
    }

    @Test
    void a_bf16_checkpoint_trains_in_float32_and_is_saved_in_bf16() {
        Path out = tmp.resolve("bf16");
        TrainingConfig config = TrainingConfig.builder(Objective.SFT, out).maxSteps(2).learningRate(1e-3).build();
        try (TorchTrainer trainer = TorchTrainer.open(LmFixtures.checkpoint(LmFixtures.QWEN2_BF16), DeviceChoice.CPU, 1)) {
            trainer.train(config, TinyTask.examples(Objective.SFT, 4, 6), TrainingListener.NONE);
        }
        assertThat(ModelConfig.read(out.resolve("config.json")).storedDtype()).isEqualTo("bfloat16");
        try (SafetensorsCheckpoint saved = SafetensorsCheckpoint.open(out)) {
            assertThat(saved.entry("model.embed_tokens.weight").dtype()).isEqualTo(SafetensorsDType.BF16);
        }
    }

    @Test
    void a_different_configuration_in_the_same_output_directory_is_refused() {
        TrainingConfig config = TrainingConfig.builder(Objective.SFT, tmp.resolve("run")).maxSteps(2).build();
        List<TrainingExample> examples = TinyTask.examples(Objective.SFT, 4, 4);
        train(config, examples);
        assertThatThrownBy(() -> train(config.toBuilder().learningRate(5e-5).build(), examples))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("belongs to a different training run");
        assertThat(train(config.toBuilder().checkpointEvery(7).build(), examples))
                .as("only how often checkpoints are written changed: the finished run stands").isEmpty();
    }

    @Test
    void examples_that_do_not_suit_the_objective_or_the_model_are_refused_before_training() {
        TrainingConfig dpo = TrainingConfig.builder(Objective.DPO, tmp.resolve("dpo")).maxSteps(1).build();
        assertThatThrownBy(() -> train(dpo, TinyTask.examples(Objective.SFT, 2, 5)))
                .hasMessageContaining("tiny.jsonl:1: objective DPO trains on PreferenceExample, got SequenceExample");
        TrainingConfig sft = TrainingConfig.builder(Objective.SFT, tmp.resolve("sft")).maxSteps(1).build();
        List<TrainingExample> outside = List.of(SequenceExample.sft("data.jsonl:3", new int[] {1, 2}, new int[] {5, 999}));
        assertThatThrownBy(() -> train(sft, outside))
                .hasMessageContaining("data.jsonl:3: response token 1 is id 999, outside the model's vocabulary of 384");
        List<TrainingExample> nothing = List.of(SequenceExample.sft("data.jsonl:4", new int[0], new int[] {5}));
        assertThatThrownBy(() -> train(sft, nothing))
                .hasMessageContaining("data.jsonl:4: response has one token and no prompt");
        TrainingConfig orm = TrainingConfig.builder(Objective.ORM, tmp.resolve("orm")).maxSteps(1).build();
        List<TrainingExample> unlabelled = List.of(SequenceExample.sft("data.jsonl:5", new int[] {1}, new int[] {5}));
        assertThatThrownBy(() -> train(orm, unlabelled))
                .hasMessageContaining("data.jsonl:5: label must be 0 or 1 for an outcome reward model, was NaN");
        TrainingConfig tooDeep = TrainingConfig.builder(Objective.SFT, tmp.resolve("deep")).maxSteps(1)
                .adaptation(Adaptation.lastLayers(3)).build();
        assertThatThrownBy(() -> train(tooDeep, TinyTask.examples(Objective.SFT, 2, 5)))
                .hasMessageContaining("adaptation.layers is 3 but").hasMessageContaining("has only 2 layers");
    }
}
