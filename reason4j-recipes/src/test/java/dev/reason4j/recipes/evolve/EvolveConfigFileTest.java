package dev.reason4j.recipes.evolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reason4j.lm.train.Adaptation;
import dev.reason4j.lm.train.LrSchedule;
import dev.reason4j.lm.train.Objective;
import dev.reason4j.lm.train.TrainingConfig;
import dev.reason4j.recipes.RecipeInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** evolve.yaml: every setting read, defaults, relative paths, and errors naming file, line and field. */
class EvolveConfigFileTest {

    @TempDir
    Path tmp;

    @BeforeEach
    void files() throws Exception {
        Files.writeString(tmp.resolve("train.jsonl"), "{\"question\": \"1+1?\", \"answer\": \"2\"}\n");
        for (String model : List.of("model", "models/base")) {
            Files.createDirectories(tmp.resolve(model));
            Files.writeString(tmp.resolve(model).resolve("config.json"), "{}");
        }
    }

    private Path yaml(String text) throws Exception {
        return Files.writeString(tmp.resolve("evolve.yaml"), text);
    }

    private static final String MINIMAL = """
            base_model: model
            problems: {file: train.jsonl}
            eval: {file: train.jsonl}
            """;

    @Test
    void should_read_every_setting() throws Exception {
        EvolveConfig c = EvolveConfigFile.read(yaml("""
                base_model: models/base
                rounds: 3
                problems: {file: train.jsonl, format: jsonl, limit: 5, difficulty_field: hardness}
                seeds: {search: 11, training: 12, eval: 13}
                mcts:
                  protocol: cot
                  rollouts: 4
                  candidates: 3
                  max_depth: 5
                  max_step_tokens: 32
                  exploration: 1.5
                  temperature: 0.9
                  top_p: 0.8
                  batch: 2
                  rstar_quirks: true
                  max_code_errors: 2
                data:
                  sft_per_problem: 3
                  drop_execution_errors: false
                  ppm_per_side: 1
                  ppm_single_side_width: 3
                  ppm_step_margin: 0.25
                  ppm_min_edit_distance: 0.1
                  ppm_final_answer_pairs: false
                  ppm_dead_ends_are_wrong: true
                train:
                  policy: {learning_rate: 1e-3, epochs: 3, max_steps: 7, batch_size: 2, gradient_accumulation: 4,
                           warmup_ratio: 0.1, weight_decay: 0.01, max_grad_norm: 0.5, schedule: linear,
                           checkpoint_every: 5, max_length: 512, adaptation: last-layers, last_layers: 2}
                  ppm: {learning_rate: 2e-4, adaptation: lora, lora_rank: 4, lora_alpha: 8}
                eval: {file: train.jsonl, strategy: mcts, samples: 3, rollouts: 2}
                """));

        assertThat(c.baseModel()).isEqualTo(tmp.resolve("models/base"));
        assertThat(c.rounds()).isEqualTo(3);
        assertThat(c.problems()).isEqualTo(new ProblemFile(tmp.resolve("train.jsonl"), "jsonl", 5, "hardness"));
        assertThat(c.seeds()).isEqualTo(new EvolveSeeds(11, 12, 13));
        assertThat(c.seeds().searchSeed(3)).isEqualTo(13);
        assertThat(c.mcts()).isEqualTo(new MctsSettings(StepFormat.COT, 4, 3, 5, 32, 1.5, 0.9, 0.8, 2, true, 2));
        assertThat(c.policyData()).isEqualTo(new PolicyDataOptions(3, false));
        assertThat(c.ppmPairs()).isEqualTo(new PpmPairOptions(1, 3, 0.25, 0.1, false, true));
        TrainingConfig policy = c.policyTraining().config(Objective.SFT, tmp.resolve("out"), 12);
        assertThat(policy.learningRate()).isEqualTo(1e-3);
        assertThat(policy.epochs()).isEqualTo(3);
        assertThat(policy.maxSteps()).isEqualTo(7);
        assertThat(policy.microBatchSize()).isEqualTo(2);
        assertThat(policy.gradientAccumulation()).isEqualTo(4);
        assertThat(policy.warmupRatio()).isEqualTo(0.1);
        assertThat(policy.weightDecay()).isEqualTo(0.01);
        assertThat(policy.maxGradNorm()).isEqualTo(0.5);
        assertThat(policy.schedule()).isEqualTo(LrSchedule.LINEAR);
        assertThat(policy.checkpointEvery()).isEqualTo(5);
        assertThat(policy.adaptation()).isEqualTo(Adaptation.lastLayers(2));
        assertThat(policy.seed()).isEqualTo(12);
        assertThat(c.policyTraining().dataOptions().lengthLimit().maxTokens()).isEqualTo(512);
        assertThat(c.ppmTraining().config(Objective.PPM, tmp, 0).adaptation()).isEqualTo(Adaptation.lora(4, 8));
        assertThat(c.ppmTraining().learningRate()).isEqualTo(2e-4);
        assertThat(c.eval()).isEqualTo(new EvalSettings(new ProblemFile(tmp.resolve("train.jsonl"), null, 0, null),
                EvalSettings.Strategy.MCTS, 3, 2));
    }

    @Test
    void should_keep_rstar_math_defaults_for_what_the_file_leaves_out() throws Exception {
        EvolveConfig c = EvolveConfigFile.read(yaml(MINIMAL));

        assertThat(c.rounds()).isEqualTo(1);
        assertThat(c.seeds()).isEqualTo(new EvolveSeeds(0, 0, 0));
        assertThat(c.mcts()).isEqualTo(MctsSettings.defaults(StepFormat.CODE));
        assertThat(c.mcts().rollouts()).isEqualTo(16);
        assertThat(c.mcts().candidates()).isEqualTo(8);
        assertThat(c.policyData()).isEqualTo(PolicyDataOptions.defaults());
        assertThat(c.ppmPairs()).isEqualTo(PpmPairOptions.defaults());
        assertThat(c.policyTraining()).isEqualTo(TrainingSettings.policyDefaults());
        assertThat(c.ppmTraining()).isEqualTo(TrainingSettings.ppmDefaults());
        assertThat(c.policyTraining().epochs()).isEqualTo(2);
        assertThat(c.ppmTraining().epochs()).isEqualTo(1);
        assertThat(c.eval().strategy()).isEqualTo(EvalSettings.Strategy.GREEDY);
        assertThat(c.eval().rollouts()).as("mcts eval searches as much as synthesis").isEqualTo(16);
    }

    @Test
    void should_name_line_and_field_of_an_unknown_setting() throws Exception {
        Path file = yaml(MINIMAL + "mcts:\n  protocol: cot\n  rolouts: 4\n");

        assertThatThrownBy(() -> EvolveConfigFile.read(file))
                .isInstanceOf(RecipeInputException.class)
                .hasMessageStartingWith(file + " line 6, field 'mcts.rolouts': unknown setting")
                .hasMessageContaining("rollouts");
    }

    @Test
    void should_name_line_and_field_of_a_value_of_the_wrong_type() throws Exception {
        Path file = yaml(MINIMAL + "train:\n  ppm:\n    learning_rate: fast\n");

        assertThatThrownBy(() -> EvolveConfigFile.read(file))
                .hasMessage(file + " line 6, field 'train.ppm.learning_rate': expected a number, found 'fast'");
    }

    @Test
    void should_report_a_broken_rule_at_its_section() throws Exception {
        Path file = yaml(MINIMAL + "mcts:\n  rollouts: 0\n");

        assertThatThrownBy(() -> EvolveConfigFile.read(file))
                .hasMessage(file + " line 4, field 'mcts': rollouts must be >= 1, was 0");
    }

    @Test
    void should_refuse_a_temperature_of_zero_with_several_candidates() throws Exception {
        Path file = yaml(MINIMAL + "mcts: {temperature: 0, candidates: 4}\n");

        assertThatThrownBy(() -> EvolveConfigFile.read(file))
                .hasMessageContaining("field 'mcts': candidates 4 need a sampling temperature > 0");
    }

    @Test
    void should_refuse_a_bad_training_setting_with_the_trainers_own_rule() throws Exception {
        Path file = yaml(MINIMAL + "train:\n  policy: {warmup_ratio: 1.5}\n");

        assertThatThrownBy(() -> EvolveConfigFile.read(file))
                .hasMessage(file + " line 5, field 'train.policy': warmupRatio must be in [0, 1), was 1.5");
    }

    @Test
    void should_list_the_choices_of_a_bad_choice() throws Exception {
        Path file = yaml(MINIMAL.replace("eval: {file: train.jsonl}", "eval: {file: train.jsonl, strategy: beam}"));

        assertThatThrownBy(() -> EvolveConfigFile.read(file))
                .hasMessage(file + " line 3, field 'eval.strategy': expected one of greedy, maj, bon, mcts, found 'beam'");
    }

    @Test
    void should_require_the_base_model_and_the_problem_files() throws Exception {
        Path noModel = yaml("problems: {file: train.jsonl}\neval: {file: train.jsonl}\n");
        assertThatThrownBy(() -> EvolveConfigFile.read(noModel)).hasMessage(noModel + ", field 'base_model': missing");

        Path noEval = yaml("base_model: model\nproblems: {file: train.jsonl}\n");
        assertThatThrownBy(() -> EvolveConfigFile.read(noEval)).hasMessage(noEval + ", field 'eval.file': missing");
    }

    @Test
    void should_refuse_a_base_model_that_is_not_a_model_directory() throws Exception {
        Path file = yaml(MINIMAL.replace("base_model: model", "base_model: nowhere"));

        assertThatThrownBy(() -> EvolveConfigFile.read(file)).hasMessage(file + " line 1, field 'base_model': "
                + tmp.resolve("nowhere") + " has no config.json (expected a Hugging Face model directory)");
    }

    @Test
    void should_refuse_an_unknown_dataset_format_and_a_negative_limit() throws Exception {
        Path format = yaml(MINIMAL.replace("problems: {file: train.jsonl}", "problems: {file: train.jsonl, format: csv}"));
        assertThatThrownBy(() -> EvolveConfigFile.read(format))
                .hasMessageStartingWith(format + " line 2, field 'problems': ")
                .hasMessageContaining("csv");

        Path limit = yaml(MINIMAL.replace("problems: {file: train.jsonl}", "problems: {file: train.jsonl, limit: -1}"));
        assertThatThrownBy(() -> EvolveConfigFile.read(limit))
                .hasMessage(limit + " line 2, field 'problems': limit must be >= 0 (0 = all problems), was -1");
    }

    @Test
    void should_name_the_line_of_text_that_is_not_yaml() throws Exception {
        Path file = yaml("base_model: m\nmcts: {rollouts: 4\n");

        assertThatThrownBy(() -> EvolveConfigFile.read(file))
                .isInstanceOf(RecipeInputException.class)
                .hasMessageContaining(file + " line ")
                .hasMessageContaining("not valid YAML");
    }

    @Test
    void should_refuse_a_file_that_is_not_a_mapping_or_is_missing() throws Exception {
        Path list = yaml("- a\n- b\n");
        assertThatThrownBy(() -> EvolveConfigFile.read(list)).hasMessageContaining("expected a mapping of settings");
        assertThatThrownBy(() -> EvolveConfigFile.read(tmp.resolve("none.yaml"))).hasMessageEndingWith("no such file");
    }
}
