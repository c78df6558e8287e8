package dev.reason4j.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reason4j.app.serve.OpenAiServer;
import dev.reason4j.app.serve.ServeConfig;
import dev.reason4j.lm.LmFixtures;
import dev.reason4j.torch.EngineOptions;
import dev.reason4j.torch.TorchLanguageModel;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code reason4j solve} on the tiny fixture model, in-process and through an OpenAI-compatible server. */
class SolveCommandTest {

    private static final String MODEL = LmFixtures.checkpoint(LmFixtures.QWEN2_F32).toString();
    private static final List<String> SMALL = List.of("--protocol", "cot", "--max-step-tokens", "12", "--max-depth", "3",
            "--threads", "1", "--question", "Tom has 3 apples and buys 4 more. How many apples?", "--gold", "7");

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(List<String> common, String... args) {
        CommandLine cli = Reason4j.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(common);
        return cli.execute(all.toArray(String[]::new));
    }

    @Test
    void should_print_the_result_and_tree_as_json(@TempDir Path dir) throws Exception {
        Path tree = dir.resolve("tree.json");
        int code = run(SMALL, "solve", "--model", MODEL, "--strategy", "mcts", "--candidates", "2", "--rollouts", "2",
                "--reward", "likelihood", "--tree", tree.toString(), "--json");

        assertThat(code).as(err.toString()).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.path("strategy").asText()).isEqualTo("mcts");
        assertThat(json.path("gold").asText()).isEqualTo("7");
        assertThat(json.path("usage").path("generated_tokens").asLong()).isPositive();
        assertThat(json.path("usage").path("reward_requests").asLong()).isPositive();
        JsonNode nodes = json.path("tree").path("nodes");
        assertThat(nodes.size()).isGreaterThan(2);
        assertThat(new ObjectMapper().readTree(tree.toFile()).path("nodes")).isEqualTo(nodes);
    }

    @Test
    void should_print_a_readable_summary() {
        int code = run(SMALL, "solve", "--model", MODEL, "--strategy", "maj", "--samples", "3");

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("strategy   maj@3: 3 trajectories").contains("tokens     ").contains("prefix cache");
    }

    @Test
    void should_refuse_bad_combinations_clearly() {
        assertThat(run(List.of(), "solve", "--model", MODEL, "--reward", "oracle", "--question", "q")).isEqualTo(2);
        assertThat(err.toString()).contains("--reward oracle grades against --gold");
        assertThat(run(SMALL, "solve", "--model", MODEL, "--strategy", "dfs")).isEqualTo(UserErrors.USER_ERROR);
        assertThat(err.toString()).contains("--strategy 'dfs' is not one of greedy, maj, bon, beam, mcts, adaptive");
        assertThat(run(SMALL, "solve", "--model", MODEL, "--strategy", "beam")).isEqualTo(UserErrors.USER_ERROR);
        assertThat(err.toString()).contains("beam-4x4 ranks partial trajectories: it needs a process reward model");
        assertThat(run(SMALL, "solve", "--model", "/no/such/model")).isEqualTo(UserErrors.USER_ERROR);
        assertThat(err.toString()).contains("--model /no/such/model is not a directory");
    }

    @Test
    void should_grow_the_same_greedy_tree_through_a_server_as_in_process() throws Exception {
        int local = run(SMALL, "solve", "--model", MODEL, "--strategy", "greedy", "--json");
        JsonNode inProcess = new ObjectMapper().readTree(out.toString()).path("tree");
        out.getBuffer().setLength(0);
        try (TorchLanguageModel served = TorchLanguageModel.builder().modelDir(Path.of(MODEL))
                        .options(EngineOptions.builder().threads(1).build()).build();
                OpenAiServer server = OpenAiServer.start(served, ServeConfig.defaults().withPort(0))) {
            int remote = run(SMALL, "solve", "--endpoint", server.baseUrl(), "--tokenizer", MODEL, "--strategy", "greedy",
                    "--json");

            assertThat(local).isZero();
            assertThat(remote).as(err.toString()).isZero();
            JsonNode overHttp = new ObjectMapper().readTree(out.toString()).path("tree");
            assertThat(overHttp.path("nodes").size()).isEqualTo(inProcess.path("nodes").size());
            for (int i = 0; i < overHttp.path("nodes").size(); i++) {
                assertThat(overHttp.path("nodes").get(i).path("text")).isEqualTo(inProcess.path("nodes").get(i).path("text"));
            }
        }
    }
}
