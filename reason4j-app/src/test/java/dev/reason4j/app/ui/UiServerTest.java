package dev.reason4j.app.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The UI's JSON API on a real Javalin server (ephemeral port) over real and hand-written run directories. */
class UiServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path temp;

    static Path runs;
    static UiServer server;

    @BeforeAll
    static void start() throws IOException {
        runs = Files.createDirectories(temp.resolve("runs"));
        UiRuns.createAll(runs, Files.createDirectories(temp.resolve("outside")));
        server = UiServer.start(UiConfig.local(runs, 0));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(String path) throws Exception {
        HttpResponse<String> r = get(path);
        assertThat(r.statusCode()).as("GET %s: %s", path, r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        return JSON.readTree(r.body());
    }

    static Map<String, JsonNode> runsById() throws Exception {
        Map<String, JsonNode> byId = new HashMap<>();
        json("/api/runs").forEach(r -> byId.put(r.path("id").asText(), r));
        return byId;
    }

    @Test
    void should_list_every_run_with_its_kind_found_from_run_json_or_files() throws Exception {
        Map<String, JsonNode> runs = runsById();

        assertThat(runs.keySet()).contains(UiRuns.EVAL, UiRuns.NESTED_EVAL, UiRuns.ANALYSIS,
                UiRuns.TRAINING, UiRuns.BIG_TREE, UiRuns.SAMPLES, UiRuns.BROKEN, UiRuns.OTHER, UiRuns.LINKED);
        assertThat(runs.get(UiRuns.EVAL).path("kind").asText()).isEqualTo("eval");
        assertThat(runs.get(UiRuns.NESTED_EVAL).path("kind").asText()).isEqualTo("eval");
        assertThat(runs.get(UiRuns.ANALYSIS).path("kind").asText()).isEqualTo("analyze");
        assertThat(runs.get(UiRuns.TRAINING).path("kind").asText()).isEqualTo("train");
        assertThat(runs.get(UiRuns.TRAINING).path("command").asText()).isEqualTo("train sft");
        assertThat(runs.get(UiRuns.OTHER).path("kind").asText()).isEqualTo("other");
        assertThat(runs.keySet()).doesNotContain("group", "outside");
        // run.json is not JSON: the kind comes from results.jsonl, and the page says what is wrong
        assertThat(runs.get(UiRuns.BROKEN).path("kind").asText()).isEqualTo("eval");
        assertThat(runs.get(UiRuns.BROKEN).path("notes").toString()).contains("run.json is not valid JSON");
        assertThat(runs.get(UiRuns.OTHER).path("notes").toString()).contains("no view for 'grade' runs");
    }

    @Test
    void should_show_configuration_provenance_and_headline_of_a_real_eval_run() throws Exception {
        JsonNode run = json("/api/runs/" + UiRuns.EVAL);

        assertThat(run.path("config").path("strategies").toString()).contains("greedy", "maj@4", "mcts");
        assertThat(run.path("config").path("protocol").asText()).isEqualTo("cot");
        assertThat(run.path("inputs").toString()).contains("sha256", "model.safetensors");
        assertThat(run.path("build").path("version").asText()).isNotBlank();
        assertThat(run.path("problems").asInt()).isEqualTo(2);
        List<String> strategies = new ArrayList<>();
        run.path("strategies").forEach(s -> strategies.add(s.path("strategy").asText()));
        assertThat(strategies).containsExactly("greedy", "maj@4", "mcts");
        JsonNode fromSummary = run.path("summary").path("strategies");
        for (int i = 0; i < 3; i++) {
            // the per-strategy points are computed from results.jsonl and agree with eval's own summary.json
            assertThat(run.path("strategies").get(i).path("mean_generated_tokens").asDouble())
                    .isCloseTo(fromSummary.get(i).path("mean_generated_tokens").asDouble(), within(1e-9));
            assertThat(run.path("strategies").get(i).path("accuracy").asDouble())
                    .isEqualTo(fromSummary.get(i).path("accuracy").asDouble());
        }
        assertThat(run.path("files").toString()).contains("results.jsonl", "run.db");
    }

    @Test
    void should_give_every_trajectory_of_a_problem_with_the_gold_answer() throws Exception {
        JsonNode problem = json("/api/runs/" + UiRuns.EVAL + "/problems/1");

        assertThat(problem.path("gold").asText()).isEqualTo("30");
        assertThat(problem.path("question").asText()).contains("6 eggs");
        JsonNode maj = find(problem.path("strategies"), "strategy", "maj@4");
        // maj@4 samples four trajectories, each a path from the root to where it ended
        assertThat(maj.path("trajectories_total").asInt()).isEqualTo(4);
        for (JsonNode t : maj.path("trajectories")) {
            assertThat(t.path("steps").size()).isPositive();
            assertThat(t.path("terminal").asText()).isNotBlank();
            assertThat(t.path("tokens").asLong()).isPositive();
        }
        JsonNode mcts = find(problem.path("strategies"), "strategy", "mcts");
        JsonNode first = mcts.path("trajectories").get(0);
        assertThat(first.path("chosen").asBoolean()).isEqualTo(mcts.path("answer_node").asInt() >= 0);
        if (first.path("chosen").asBoolean()) {
            assertThat(first.path("leaf").asInt()).isEqualTo(mcts.path("answer_node").asInt());
            assertThat(first.path("answer").asText()).isEqualTo(mcts.path("answer").asText());
        }
    }

    @Test
    void should_serve_a_search_tree_with_its_chosen_path_and_graded_endings() throws Exception {
        JsonNode tree = json("/api/runs/" + UiRuns.BIG_TREE + "/problems/0/tree/mcts");

        assertThat(tree.path("nodes").size()).isEqualTo(UiRuns.BIG_TREE_NODES);
        JsonNode path = tree.path("chosen_path");
        assertThat(path.get(0).asInt()).isZero();
        assertThat(path.get(path.size() - 1).asInt()).isEqualTo(tree.path("answer_node").asInt());
        for (int i = 1; i < path.size(); i++) {
            assertThat(tree.path("nodes").get(path.get(i).asInt()).path("parent").asInt()).isEqualTo(path.get(i - 1).asInt());
        }
        // endings answering 10000 (ids 9, 39, 69, …) are right, the others wrong
        assertThat(tree.path("graded").path("9").asBoolean()).isTrue();
        assertThat(tree.path("graded").path("19").asBoolean()).isFalse();
        assertThat(tree.path("graded").size()).isEqualTo(UiRuns.BIG_TREE_NODES / 10);
    }

    @Test
    void should_compute_pass_and_majority_curves_from_graded_samples() throws Exception {
        JsonNode curves = json("/api/runs/" + UiRuns.SAMPLES + "/curves");

        JsonNode maj = find(curves.path("strategies"), "strategy", "maj@4");
        assertThat(maj.path("samples_min").asInt()).isEqualTo(4);
        JsonNode points = maj.path("points");
        assertThat(points).hasSize(3);
        assertThat(points.get(0).path("k").asInt()).isEqualTo(1);
        assertThat(points.get(0).path("pass").asDouble()).isCloseTo(0.5, within(1e-12));
        assertThat(points.get(0).path("maj").asDouble()).isCloseTo(0.5, within(1e-12));
        assertThat(points.get(1).path("pass").asDouble()).isCloseTo(5.0 / 6, within(1e-12));
        assertThat(points.get(1).path("maj").asDouble()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(points.get(2).path("k").asInt()).isEqualTo(4);
        assertThat(points.get(2).path("maj").asDouble()).isCloseTo(1.0, within(1e-12));

        JsonNode real = json("/api/runs/" + UiRuns.EVAL + "/curves");
        assertThat(find(real.path("strategies"), "strategy", "greedy").path("note").asText()).contains("fewer than 2");
        assertThat(find(real.path("strategies"), "strategy", "maj@4").path("points").size()).isEqualTo(3);
    }

    @Test
    void should_give_the_per_difficulty_points_when_records_carry_a_level() throws Exception {
        JsonNode run = json("/api/runs/" + UiRuns.BIG_TREE);

        JsonNode levels = run.path("strategies").get(0).path("by_difficulty");
        assertThat(levels).hasSize(1);
        assertThat(levels.get(0).path("difficulty").asText()).isEqualTo("Level 5");
        assertThat(levels.get(0).path("mean_generated_tokens").asDouble()).isEqualTo(123_456.0);
    }

    @Test
    void should_give_the_rounds_of_long_responses_of_an_analysis() throws Exception {
        JsonNode problems = json("/api/runs/" + UiRuns.ANALYSIS + "/problems");
        assertThat(problems.path("problems")).hasSize(2);
        assertThat(problems.path("problems").get(1).path("responses").asInt()).isEqualTo(4);

        JsonNode problem = json("/api/runs/" + UiRuns.ANALYSIS + "/problems/1");
        assertThat(problem.path("gold").asText()).isEqualTo("7");
        JsonNode overthought = problem.path("responses").get(2);
        assertThat(overthought.path("first_correct").asInt()).isEqualTo(1);
        assertThat(overthought.path("tokens_after_first_correct").asLong()).isPositive();
        JsonNode rounds = overthought.path("split_solutions");
        assertThat(rounds.size()).isEqualTo(3);
        assertThat(rounds.get(1).path("distinct").asBoolean()).isFalse();

        HttpResponse<String> report = get("/api/runs/" + UiRuns.ANALYSIS + "/report");
        assertThat(report.statusCode()).isEqualTo(200);
        assertThat(report.body()).contains("<svg");
        assertThat(report.headers().firstValue("Content-Security-Policy").orElse("")).contains("sandbox");
    }

    @Test
    void should_give_training_metrics_as_series_and_thin_long_ones() throws Exception {
        JsonNode metrics = json("/api/runs/" + UiRuns.TRAINING + "/metrics");
        assertThat(metrics.path("rows").asInt()).isEqualTo(6);
        JsonNode loss = metrics.path("series").path("loss");
        assertThat(loss).hasSize(6);
        assertThat(loss.get(0).get(0).asDouble()).isEqualTo(1.0);
        assertThat(loss.get(5).get(0).asDouble()).isEqualTo(6.0);
        // eval_loss is written every 2 steps, null otherwise: only the real values are points
        assertThat(metrics.path("series").path("eval_loss")).hasSize(3);
        assertThat(metrics.path("series").has("lr")).isTrue();

        JsonNode thin = json("/api/runs/" + UiRuns.TRAINING + "/metrics?max_points=3");
        assertThat(thin.path("series").path("loss").size()).isLessThanOrEqualTo(4);
        assertThat(thin.path("series").path("loss").get(thin.path("series").path("loss").size() - 1).get(0).asDouble())
                .isEqualTo(6.0);
        assertThat(get("/api/runs/" + UiRuns.TRAINING + "/metrics?max_points=1").statusCode()).isEqualTo(400);
    }

    @Test
    void should_address_nested_runs_by_their_relative_path() throws Exception {
        assertThat(json("/api/runs/" + UiRuns.NESTED_EVAL).path("id").asText()).isEqualTo(UiRuns.NESTED_EVAL);
        assertThat(json("/api/runs/" + UiRuns.NESTED_EVAL + "/problems/0/tree/greedy").path("nodes").size()).isPositive();
    }

    @Test
    void should_note_bad_lines_and_keep_the_good_ones() throws Exception {
        JsonNode problems = json("/api/runs/" + UiRuns.BROKEN + "/problems");

        assertThat(problems.path("problems")).hasSize(1);
        assertThat(problems.path("notes").toString()).contains("results.jsonl line 2 is not JSON", "line 3 is not JSON");
    }

    @Test
    void should_not_read_a_file_that_links_outside_the_runs_folder() throws Exception {
        HttpResponse<String> r = get("/api/runs/" + UiRuns.LINKED + "/problems");

        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.body()).contains("links outside --runs").doesNotContain("SECRET");
        assertThat(get("/api/runs/" + UiRuns.LINKED).body()).doesNotContain("SECRET");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/runs/../outside", "/api/runs/..%2Foutside", "/api/runs/%2E%2E/outside/secret.jsonl",
        "/api/runs//etc/passwd", "/api/runs/eval-tiny/../../outside", "/api/runs/nope",
        "/api/runs/eval-tiny/problems/99", "/api/runs/eval-tiny/problems/0/tree/nope", "/api/runs/analysis/curves",
        "/api/runs/sft/problems", "/api/nothing", "/../outside/secret.jsonl", "/app.js/../../outside"})
    void should_answer_404_to_paths_outside_the_runs_or_unknown(String path) throws Exception {
        RawResponse r = raw(path);

        assertThat(r.status()).as("%s: %s", path, r.body()).isIn(400, 404);
        assertThat(r.body()).doesNotContain("SECRET").doesNotContain("root:");
    }

    @ParameterizedTest
    @ValueSource(strings = {"x", "-1", "1e3", "99999999999"})
    void should_answer_400_to_a_problem_index_that_is_not_a_number(String index) throws Exception {
        HttpResponse<String> r = get("/api/runs/" + UiRuns.EVAL + "/problems/" + index);

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(r.body()).path("error").asText()).contains("problem index");
    }

    @Test
    void should_serve_the_pages_from_the_jar_with_a_policy_that_forbids_other_origins() throws Exception {
        HttpResponse<String> index = get("/");
        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(index.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(index.body()).contains("<script type=\"module\" src=\"app.js\">");
        assertThat(index.headers().firstValue("Content-Security-Policy").orElse(""))
                .contains("default-src 'self'").contains("script-src 'self'");
        for (String file : StaticPages.FILES) {
            HttpResponse<String> page = get("/" + file);
            assertThat(page.statusCode()).as(file).isEqualTo(200);
            // nothing may come from the internet: no absolute URLs besides the SVG namespace
            assertThat(page.body().replace("http://www.w3.org/2000/svg", "")).as(file)
                    .doesNotContain("http://").doesNotContain("https://").doesNotContain("//cdn");
        }
        assertThat(get("/app.js").headers().firstValue("Content-Type").orElse("")).startsWith("text/javascript");
    }

    @Test
    void should_refuse_requests_for_another_host_name() throws Exception {
        // a page on another site that rebinds its DNS name to 127.0.0.1 sends its own name as Host
        String answer = rawWithHost("/api/runs", "attacker.example");
        assertThat(answer).startsWith("HTTP/1.1 403");
        assertThat(rawWithHost("/api/runs", "localhost:" + server.port())).startsWith("HTTP/1.1 200");
    }

    @Test
    void should_read_a_run_again_when_its_results_grow() throws Exception {
        Path dir = Files.createDirectories(runs.resolve("growing"));
        Path results = dir.resolve(EvalRun.RESULTS);
        Files.writeString(results, "{\"problem_id\": \"a\", \"strategy\": \"greedy\", \"question\": \"q\"}\n");
        assertThat(json("/api/runs/growing/problems").path("problems")).hasSize(1);

        Files.writeString(results, "{\"problem_id\": \"a\", \"strategy\": \"greedy\", \"question\": \"q\"}\n"
                + "{\"problem_id\": \"b\", \"strategy\": \"greedy\", \"question\": \"r\"}\n");
        assertThat(json("/api/runs/growing/problems").path("problems")).hasSize(2);
    }

    @Test
    void should_say_which_port_is_taken() {
        UiConfig taken = UiConfig.local(runs, server.port());

        assertThatThrownBy(() -> UiServer.start(taken)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot listen on 127.0.0.1:" + server.port()).hasMessageContaining("--port 0");
    }

    @Test
    void should_explain_why_a_run_without_trees_has_no_curves() throws Exception {
        JsonNode curves = json("/api/runs/" + UiRuns.BROKEN + "/curves");

        assertThat(find(curves.path("strategies"), "strategy", "greedy").path("note").asText())
                .contains("no search tree (--no-trees)");
    }

    @Test
    void should_bind_to_loopback_by_default() {
        assertThat(UiConfig.local(runs, 0).host()).isEqualTo("127.0.0.1");
        assertThat(server.url()).startsWith("http://127.0.0.1:");
    }

    /** Sends the path byte for byte (HttpClient and URI would normalise dot segments). */
    private static RawResponse raw(String path) throws IOException {
        String answer = rawWithHost(path, "127.0.0.1:" + server.port());
        return new RawResponse(Integer.parseInt(answer.substring(9, 12)), answer.substring(answer.indexOf("\r\n\r\n") + 4));
    }

    private static String rawWithHost(String path, String host) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode n : array) {
            if (n.path(field).asText().equals(value)) {
                return n;
            }
        }
        throw new AssertionError("no element with " + field + " = " + value + " in " + array);
    }

    /** A status and body read off the socket. */
    private record RawResponse(int status, String body) {}
}
