package dev.reason4j.app.recipes.evolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reason4j.app.Reason4j;
import dev.reason4j.app.recipes.common.RecipeFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of {@code reason4j evolve} at every stage boundary of two rounds in turn, and inside the stages that
 * commit work as they go (search part-way through its problems, training after a checkpoint): each kill is followed
 * by the same command in a new JVM, which resumes. The outputs of the last one equal those of an uninterrupted run,
 * with no search record, data record or round lost or written twice.
 */
class EvolveResumeIT {

    private static final List<String> STAGES = List.of("synthesis", "data", "policy", "ppm", "eval");

    @TempDir
    Path dir;

    private static EvolveFixture.Setup setup;

    @BeforeAll
    static void calibrate() {
        System.setProperty("ai.djl.offline", "true");
        setup = EvolveFixture.setup();
    }

    /** When to kill: a condition on the run directory and the child's output so far. */
    private record KillPoint(String what, Predicate<Path> reached) {}

    @Test
    void killed_at_every_stage_it_resumes_to_the_outputs_of_an_uninterrupted_run() throws Exception {
        Path whole = dir.resolve("whole");
        RecipeFixture.Run uninterrupted = RecipeFixture.run(EvolveFixture.args(setup.config(), whole));
        assertThat(uninterrupted.code()).as(uninterrupted.err()).isZero();

        Path killed = dir.resolve("killed");
        List<KillPoint> points = killPoints(killed);
        for (int i = 0; i < points.size(); i++) {
            KillPoint point = points.get(i);
            Path log = dir.resolve("child-" + i + ".log");
            Process child = start(killed, log);
            awaitThenKill(child, point, log);
        }
        Path log = dir.resolve("child-last.log");
        Process last = start(killed, log);
        assertThat(last.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(last.exitValue()).as(Files.readString(log)).isZero();
        assertThat(Files.readString(log)).contains("round 2 eval done earlier");

        assertSameJson(killed.resolve("rounds.jsonl"), whole.resolve("rounds.jsonl"), 2);
        for (int round = 1; round <= 2; round++) {
            Path k = killed.resolve("round-" + round);
            Path w = whole.resolve("round-" + round);
            assertSameJson(k.resolve("synthesis/results.jsonl"), w.resolve("synthesis/results.jsonl"), 6);
            assertSameJson(k.resolve("eval/results.jsonl"), w.resolve("eval/results.jsonl"), 2);
            assertSameJson(k.resolve("data/policy_sft.jsonl"), w.resolve("data/policy_sft.jsonl"), -1);
            assertSameJson(k.resolve("data/ppm_pairs.jsonl"), w.resolve("data/ppm_pairs.jsonl"), -1);
            for (String stage : STAGES) {
                assertThat(RecipeFixture.readJson(k.resolve(stage).resolve("done.json")).get("status").asText())
                        .isEqualTo("finished");
            }
        }
    }

    /** Boundaries (a stage's completion line) and points inside stages, in the order a run reaches them. */
    private static List<KillPoint> killPoints(Path run) {
        List<KillPoint> points = new ArrayList<>();
        for (int round = 1; round <= 2; round++) {
            Path r = run.resolve("round-" + round);
            points.add(new KillPoint("round " + round + " synthesis part-way",
                    log -> recorded(r.resolve("synthesis/run.db")) >= 1));
            for (String stage : STAGES) {
                if (stage.equals(round == 1 ? "policy" : "ppm")) {
                    points.add(new KillPoint("round " + round + " " + stage + " after a checkpoint",
                            log -> Files.isDirectory(r.resolve(stage).resolve("checkpoints/step-2"))));
                }
                String line = "round " + round + " " + stage + " finished";
                points.add(new KillPoint(line, log -> read(log).contains(line)));
            }
        }
        return points;
    }

    private void awaitThenKill(Process child, KillPoint point, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!point.reached().test(log)) {
            assertThat(child.isAlive()).as("the run ended before " + point.what() + ":\n" + read(log)).isTrue();
            assertThat(System.nanoTime()).as("no " + point.what() + " within 120 s:\n" + read(log)).isLessThan(deadline);
            Thread.sleep(5);
        }
        child.destroyForcibly(); // SIGKILL
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }

    private static Process start(Path run, Path log) throws Exception {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "--enable-native-access=ALL-UNNAMED", "-Dai.djl.offline=true", "-cp", System.getProperty("java.class.path"),
                Reason4j.class.getName()));
        command.addAll(EvolveFixture.args(setup.config(), run));
        command.addAll(List.of("--device", "cpu", "--threads", "1"));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** Records committed to a run store, read beside the process that writes it; 0 before it exists. */
    private static long recorded(Path db) {
        if (!Files.exists(db)) {
            return 0;
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM records")) {
            return rs.next() ? rs.getLong(1) : 0;
        } catch (SQLException e) {
            return 0; // created but not yet set up, or busy: look again
        }
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * The two JSONL files hold the same records (numbers within 1e-6), each once; search usage (times and prefix-cache
     * hits, which depend on when a process started) is left out.
     *
     * @param lines the expected number of records, or -1 for any
     */
    private static void assertSameJson(Path actual, Path expected, int lines) {
        List<JsonNode> a = RecipeFixture.readJsonl(actual);
        List<JsonNode> e = RecipeFixture.readJsonl(expected);
        if (lines >= 0) {
            assertThat(a).as(actual.toString()).hasSize(lines);
        }
        assertThat(a).as(actual + " against " + expected).hasSameSizeAs(e);
        assertThat(a.stream().map(JsonNode::toString).distinct().count()).as(actual + ": no record twice")
                .isEqualTo(a.size());
        for (int i = 0; i < a.size(); i++) {
            assertSameNode(withoutUsage(a.get(i)), withoutUsage(e.get(i)), actual + " record " + (i + 1));
        }
    }

    private static JsonNode withoutUsage(JsonNode record) {
        if (record instanceof ObjectNode o) {
            o.remove("usage");
        }
        return record;
    }

    private static void assertSameNode(JsonNode actual, JsonNode expected, String where) {
        if (expected.isNumber()) {
            assertThat(actual.isNumber()).as(where).isTrue();
            assertThat(actual.asDouble()).as(where).isCloseTo(expected.asDouble(), within(1e-6));
        } else if (expected.isContainerNode()) {
            assertThat(actual.size()).as(where + ": size").isEqualTo(expected.size());
            if (expected.isArray()) {
                for (int i = 0; i < expected.size(); i++) {
                    assertSameNode(actual.get(i), expected.get(i), where + "[" + i + "]");
                }
            } else {
                Iterator<Map.Entry<String, JsonNode>> fields = expected.fields();
                while (fields.hasNext()) {
                    Map.Entry<String, JsonNode> f = fields.next();
                    assertThat(actual.has(f.getKey())).as(where + "." + f.getKey()).isTrue();
                    assertSameNode(actual.get(f.getKey()), f.getValue(), where + "." + f.getKey());
                }
            }
        } else {
            assertThat(actual).as(where).isEqualTo(expected);
        }
    }
}
