package dev.reason4j.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reason4j.app.Reason4j;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The job's configuration: validated on the driver, serialisable to the executors, and eval's options. */
class SparkJobConfigTest {

    private static final String[] REQUIRED = {"--data", "p.jsonl", "--out", "run", "--endpoint", "http://127.0.0.1:8000/v1"};

    private static SearchOptions options(String... args) {
        SparkEvalCommand command = new SparkEvalCommand();
        boolean hasSource = List.of(args).contains("--endpoint") || List.of(args).contains("--model");
        new CommandLine(command).parseArgs(hasSource ? concat(new String[] {"--data", "p", "--out", "r"}, args)
                : concat(REQUIRED, args));
        return command.search.toOptions();
    }

    @Test
    void should_take_every_option_of_reason4j_eval() {
        Set<String> eval = new TreeSet<>(Reason4j.commandLine().getSubcommands().get("eval").getCommandSpec()
                .optionsMap().keySet());
        Set<String> spark = CommandLine.Model.CommandSpec.forAnnotatedObject(new SparkEvalCommand()).optionsMap().keySet();

        assertThat(spark).containsAll(eval);
    }

    @Test
    void should_read_the_command_line_into_serialisable_options() throws Exception {
        SearchOptions parsed = options("--endpoint", "http://a:8000/v1,http://b:8000/v1", "--served-model", "qwen",
                "--protocol", "cot", "--temperature", "0.5", "--samples", "4", "--rollouts", "3", "--reward",
                "oracle", "--workers", "3", "--budget", "900");

        assertThat(parsed.policy()).isEqualTo(
                new PolicySource.Endpoints(List.of("http://a:8000/v1", "http://b:8000/v1"), "qwen", null));
        assertThat(parsed.steps().protocol()).isEqualTo(StepOptions.Protocol.cot);
        assertThat(parsed.sampling().settings().temperature()).isEqualTo(0.5);
        assertThat(parsed.sampling().settings().tokenBudget()).isEqualTo(900);
        assertThat(parsed.strategies().strategy("mcts", true).name()).isEqualTo("mcts");
        assertThat(parsed.sandbox().poolConfig().workers()).isEqualTo(3);
        assertThat(parsed.config()).containsEntry("served_model", "qwen").containsEntry("rollouts", 3)
                .containsEntry("reward", "oracle").doesNotContainKey("endpoint");

        SparkJobConfig config = new SparkJobConfig("p.jsonl", null, 0, "run", 8, 16, 0, parsed);
        EvalStage stage = EvalStage.of(List.of("greedy", "maj"), parsed, 7, true);
        assertThat(roundTrip(config)).isEqualTo(config);
        assertThat(roundTrip(stage)).isEqualTo(stage);
        assertThat(stage.units()).containsExactly("greedy", "maj@4");
        assertThat(stage.seeds()).containsEntry("search", 7L);
    }

    @Test
    void should_refuse_bad_values_naming_field_and_value() {
        assertThatThrownBy(() -> options("--samples", "0")).hasMessage("samples must be >= 1, was 0");
        assertThatThrownBy(() -> options("--candidates", "0")).hasMessageContaining("candidates must be >= 1, was 0");
        assertThatThrownBy(() -> options("--top-p", "0")).hasMessageContaining("topP must be in (0, 1], was 0.0");
        assertThatThrownBy(() -> options("--max-code-errors", "0")).hasMessage("max-code-errors must be >= 1, was 0");
        assertThatThrownBy(() -> options("--workers", "0")).hasMessageContaining("workers must be in [1, 256], got 0");
        assertThatThrownBy(() -> options("--prompt-template", "Solve it"))
                .hasMessageContaining("prompt template must contain {question}");
        assertThatThrownBy(() -> options("--ppm", "a", "--orm", "b")).hasMessage("give ppm or orm, not both");
        assertThatThrownBy(() -> options("--ppm", "a", "--reward", "likelihood"))
                .hasMessage("ppm and orm replace reward likelihood; give one of them");
        assertThatThrownBy(() -> new PolicySource.Endpoints(List.of(), null, null))
                .hasMessage("endpoint must name at least one server URL");
        assertThatThrownBy(() -> new PolicySource.InProcess("m", "cpu", "auto", -1, 0))
                .hasMessage("threads must be >= 0, was -1");
        SearchOptions ok = options();
        assertThatThrownBy(() -> new SparkJobConfig("p", null, 0, "run", 0, 16, 0, ok))
                .hasMessage("batch must be >= 1, was 0");
        assertThatThrownBy(() -> new SparkJobConfig("p", null, -1, "run", 8, 16, 0, ok))
                .hasMessage("limit must be >= 0, was -1");
        assertThatThrownBy(() -> new SparkJobConfig("p", null, 0, "run", 8, 0, 0, ok))
                .hasMessage("task-problems must be >= 1, was 0");
        assertThatThrownBy(() -> EvalStage.of(List.of("greedy", "GREEDY"), ok, 0, true))
                .hasMessage("strategy lists greedy twice");
        assertThatThrownBy(() -> EvalStage.of(List.of("sideways"), ok, 0, true))
                .hasMessage("strategy 'sideways' is not one of greedy, maj, bon, beam, mcts, adaptive");
        assertThatThrownBy(() -> EvalStage.of(List.of(), ok, 0, true))
                .hasMessage("strategy must name at least one strategy");
    }

    @Test
    void should_report_a_bad_option_as_one_line_and_exit_code_2_before_starting_spark() {
        StringWriter err = new StringWriter();
        CommandLine cli = SparkEvalCommand.commandLine();
        cli.setErr(new PrintWriter(err));
        cli.setOut(new PrintWriter(new StringWriter()));

        int code = cli.execute(concat(REQUIRED, "--batch", "0"));

        assertThat(code).isEqualTo(UserErrors.USER_ERROR);
        assertThat(err.toString()).isEqualTo("reason4j-spark-eval: batch must be >= 1, was 0" + System.lineSeparator());
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = new String[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    /** {@code value} after Java serialisation, as Spark ships it to the executors. */
    @SuppressWarnings("unchecked")
    static <T> T roundTrip(T value) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (T) in.readObject();
        }
    }
}
