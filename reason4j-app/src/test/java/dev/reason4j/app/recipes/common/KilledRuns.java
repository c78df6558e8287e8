package dev.reason4j.app.recipes.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reason4j.core.provenance.RunManifest;
import dev.reason4j.core.store.RunStore;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs a recipe in child JVMs that are killed with SIGKILL at chosen points ({@link RecipeChild}), each resuming
 * the same run directory, and compares what the run ends with to an uninterrupted run.
 */
public final class KilledRuns {

    private KilledRuns() {}

    /**
     * Starts the recipe {@code args} in a child JVM, waits until it pauses at {@code stage@n}, and kills it with
     * SIGKILL.
     */
    public static void killAt(String point, List<String> args, Path log) throws Exception {
        Process child = start(point, args, log);
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.equals("PAUSED " + point)) {
                assertThat(line).withFailMessage(() -> "the child ended before " + point + ": " + tail(log))
                        .doesNotStartWith("FINISHED");
            }
            assertThat(line).withFailMessage(() -> "the child did not pause at " + point + ": " + tail(log))
                    .isEqualTo("PAUSED " + point);
        } finally {
            child.destroyForcibly(); // SIGKILL
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
    }

    /** Runs the recipe {@code args} to its end in a child JVM and returns its exit code. */
    public static int finish(List<String> args, Path log) throws Exception {
        Process child = start("-", args, log);
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(out).withFailMessage(() -> "the child failed: " + tail(log)).contains("FINISHED 0");
        return child.exitValue();
    }

    /** The end of a child's standard error, for failure messages. */
    private static String tail(Path log) {
        try {
            String text = Files.readString(log);
            return text.substring(Math.max(0, text.length() - 4000));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static Process start(String point, List<String> args, Path log) throws IOException {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED", "-Dai.djl.offline=true",
                "-cp", System.getProperty("java.class.path"), RecipeChild.class.getName(), point));
        command.addAll(args);
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }

    /** The records committed to the run store of {@code stageDir}. */
    public static long committed(Path stageDir) throws IOException {
        RunManifest manifest = RunManifest.fromJson(Files.readString(stageDir.resolve("run.json")), stageDir.toString());
        try (RunStore store = RunStore.open(stageDir, manifest)) {
            return store.count();
        }
    }

    /**
     * Asserts that every data file of {@code expected} (JSONL data sets and responses, summaries, the trained
     * models' weights) is in {@code actual} with the same bytes (summaries: the same JSON but for a data stage's
     * counts of its last invocation), and that {@code actual} has no other.
     */
    public static void assertSameOutputs(Path actual, Path expected) throws IOException {
        List<Path> files = outputs(expected);
        assertThat(outputs(actual)).containsExactlyElementsOf(files);
        assertThat(files).as("outputs compared").hasSizeGreaterThan(10);
        for (Path file : files) {
            if (file.getFileName().toString().equals("summary.json")) {
                assertThat(withoutInvocationCounts(actual.resolve(file))).as(file.toString())
                        .isEqualTo(withoutInvocationCounts(expected.resolve(file)));
            } else {
                assertThat(Files.readAllBytes(actual.resolve(file))).as(file.toString())
                        .isEqualTo(Files.readAllBytes(expected.resolve(file)));
            }
        }
    }

    /**
     * A summary without what a data stage's summary says about its last invocation (units skipped as done before,
     * units committed now), which differs between a resumed and an uninterrupted run by design.
     */
    private static JsonNode withoutInvocationCounts(Path summary) {
        JsonNode json = RecipeFixture.readJson(summary);
        if (json.path("units") instanceof ObjectNode units) {
            units.remove(List.of("skipped", "committed"));
        }
        return json;
    }

    /** Every JSONL line of {@code file} exactly once, by its problem and sample. */
    public static void assertNoDuplicateResponses(Path file) {
        List<String> keys = RecipeFixture.readJsonl(file).stream()
                .map((JsonNode r) -> r.get("problem_key").asText() + "/" + r.get("sample").asInt()).toList();
        assertThat(keys).as(file.toString()).doesNotHaveDuplicates();
    }

    private static List<Path> outputs(Path runDir) throws IOException {
        try (Stream<Path> files = Files.walk(runDir)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> {
                        String name = f.getFileName().toString();
                        return name.endsWith(".jsonl") || name.equals("summary.json") || name.endsWith(".safetensors");
                    })
                    .filter(f -> !runDir.relativize(f).toString().contains("checkpoints"))
                    .map(runDir::relativize)
                    .sorted()
                    .toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
