package dev.reason4j.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reason4j.recipes.evolve.MctsSettings;
import dev.reason4j.recipes.evolve.StepFormat;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The synthesis stage's settings from the command line: evolve's MCTS settings, and the options it refuses. */
class SynthesisStageTest {

    private static final List<String> REQUIRED = List.of("--data", "p.jsonl", "--out", "run", "--endpoint",
            "http://127.0.0.1:8000/v1");

    private static SearchOptions options(String... args) {
        SparkEvalCommand command = new SparkEvalCommand();
        List<String> all = new ArrayList<>(REQUIRED);
        all.addAll(List.of(args));
        new CommandLine(command).parseArgs(all.toArray(String[]::new));
        return command.search.toOptions();
    }

    @Test
    void should_take_evolves_mcts_settings_from_eval_options_with_the_same_defaults() throws Exception {
        SynthesisStage stage = SynthesisStage.of(options("--protocol", "cot", "--rollouts", "6", "--candidates", "3",
                "--max-depth", "4", "--max-step-tokens", "16", "--exploration", "1.5", "--temperature", "0.8",
                "--top-p", "0.9", "--rstar-quirks", "--max-code-errors", "2", "--ppm", "ppm-dir"), 2, 7, "level");

        assertThat(stage).isEqualTo(new SynthesisStage(
                new MctsSettings(StepFormat.COT, 6, 3, 4, 16, 1.5, 0.8, 0.9, 2, true, 2), 7, "level"));
        assertThat(stage.name()).isEqualTo("synthesis");
        assertThat(stage.units()).containsExactly("mcts");
        assertThat(stage.seeds()).isEqualTo(Map.of("search", 7L));
        assertThat(stage.config()).containsEntry("difficulty_field", "level");
        @SuppressWarnings("unchecked")
        Map<String, Object> mcts = (Map<String, Object>) stage.config().get("mcts");
        assertThat(mcts).containsEntry("rollouts", 6).containsEntry("rstar_quirks", true).doesNotContainKey("batch");
        assertThat(SparkJobConfigTest.roundTrip(stage)).isEqualTo(stage);
        assertThat(SynthesisStage.of(options(), 8, 0, null).mcts())
                .as("the Spark command's defaults are evolve's").isEqualTo(MctsSettings.defaults(StepFormat.CODE));
    }

    @Test
    void should_refuse_options_whose_job_synthesis_does_itself() {
        assertThatThrownBy(() -> SynthesisStage.of(options("--reward", "oracle"), 8, 0, null))
                .hasMessage("the synthesis stage does not take reward oracle: synthesis scores answers with the "
                        + "oracle itself, as evolve does");
        assertThatThrownBy(() -> SynthesisStage.of(options("--orm", "orm-dir"), 8, 0, null))
                .hasMessageContaining("does not take orm: synthesis initialises Q with a PPM");
        assertThatThrownBy(() -> SynthesisStage.of(options("--selection", "majority"), 8, 0, null))
                .hasMessageContaining("does not take selection majority: synthesis reports the top-scored answer");
        assertThatThrownBy(() -> SynthesisStage.of(options("--prompt-template", "Q: {question}"), 8, 0, null))
                .hasMessageContaining("does not take prompt-template and chat");
        assertThatThrownBy(() -> SynthesisStage.of(options("--chat"), 8, 0, null))
                .hasMessageContaining("does not take prompt-template and chat");
        assertThatThrownBy(() -> SynthesisStage.of(options("--budget", "100"), 8, 0, null))
                .hasMessageContaining("does not take budget 100");
        assertThatThrownBy(() -> SynthesisStage.of(options("--lockstep"), 8, 0, null))
                .hasMessageContaining("does not take lockstep");
        assertThatThrownBy(() -> SynthesisStage.of(options("--temperature", "0"), 8, 0, null))
                .hasMessage("candidates 8 need a sampling temperature > 0, was 0");
    }

    @Test
    void should_report_options_of_the_other_stage_as_one_line_and_exit_code_2_before_starting_spark() {
        assertThat(execute("--stage", "synthesis", "--strategy", "maj")).isEqualTo(
                "reason4j-spark-eval: --strategy does not apply to --stage synthesis (it searches with rStar MCTS and "
                        + "keeps every tree)");
        assertThat(execute("--stage", "synthesis", "--no-trees")).contains("--no-trees does not apply");
        assertThat(execute("--extract", "data")).isEqualTo("reason4j-spark-eval: --extract does not apply to --stage eval");
        assertThat(execute("--difficulty-field", "level")).contains("--difficulty-field does not apply to --stage eval");
        assertThat(execute("--stage", "synthesis", "--reward", "likelihood"))
                .contains("the synthesis stage does not take reward likelihood");
    }

    @Test
    void should_extract_only_from_a_run_directory_on_the_drivers_file_system(@TempDir Path dir) {
        assertThat(SynthesisData.localResults(new Configuration(), dir.toString()))
                .isEqualTo(dir.resolve("results.jsonl"));
        assertThat(SynthesisData.localResults(new Configuration(), dir.toUri().toString()))
                .isEqualTo(dir.resolve("results.jsonl"));
        assertThatThrownBy(() -> SynthesisData.localResults(new Configuration(), "ftp://head/runs/r1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("out ftp://head/runs/r1 is on ftp: give a local out");
    }

    /** Runs the command, which must fail with a user error; returns its standard error without the line end. */
    private static String execute(String... args) {
        StringWriter err = new StringWriter();
        CommandLine cli = SparkEvalCommand.commandLine();
        cli.setErr(new PrintWriter(err));
        cli.setOut(new PrintWriter(new StringWriter()));
        List<String> all = new ArrayList<>(REQUIRED);
        all.addAll(List.of(args));
        assertThat(cli.execute(all.toArray(String[]::new))).isEqualTo(UserErrors.USER_ERROR);
        return err.toString().strip();
    }
}
