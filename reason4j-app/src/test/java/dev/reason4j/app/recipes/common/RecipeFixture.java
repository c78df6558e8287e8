package dev.reason4j.app.recipes.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reason4j.app.Reason4j;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Problems the random-weight fixture model can "solve", for plumbing tests of the recipes. The model writes noise,
 * but noise with digits: graded GSM8K-style (the last number is the answer) its responses have answers. A probe run
 * of {@code reason4j shorten} samples the problems with a placeholder gold answer no response can match (and stops,
 * with nothing to train on); then each training problem's gold becomes the answer of its shortest answered sample
 * that is not its longest, and each held-out problem's the answer of its first answered sample. Rerun with the
 * same sampling settings, those samples come back (each problem samples from its own seed) and are now correct, so
 * every stage has data. The files keep their names, so the problem ids (file stem and line) stay the same.
 */
public final class RecipeFixture {

    public static final Path MODEL = Path.of("../../shared/fixtures/lm/qwen2-tiny-f32").toAbsolutePath().normalize();
    /** A gold answer no response can equal. */
    static final String UNMATCHABLE = "x^9+q";
    /** The sampling every recipe test uses, so the probe's samples are the tests' samples. */
    public static final List<String> SAMPLING = List.of("--k", "4", "--temperature", "1.0", "--top-p", "1.0",
            "--max-tokens", "24", "--seed", "0", "--eval-samples", "2", "--eval-temperature", "1.0", "--style", "gsm8k");
    /** Tiny training: a few steps with a checkpoint after each. */
    public static final List<String> TRAINING = List.of("--max-steps", "3", "--checkpoint-every", "1", "--lr", "1e-3");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> TRAIN = List.of("What is 2 + 3?", "Tom has 4 apples and eats one. How many are left?",
            "What is 6 times 7?", "What is 10 - 4?", "A box holds 12 eggs. How many eggs are in 3 boxes?");
    private static final List<String> EVAL = List.of("What is 9 + 8?", "What is 15 divided by 3?", "What is 7 - 2?");
    private static Problems problems;

    /** The training and held-out problem files. */
    public record Problems(Path train, Path eval) {}

    /** What a command printed and returned. */
    public record Run(int code, String out, String err) {}

    private RecipeFixture() {}

    /** Runs {@code reason4j args…} in this JVM. */
    public static Run run(List<String> args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cli = Reason4j.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args.toArray(String[]::new));
        return new Run(code, out.toString(), err.toString());
    }

    /** The arguments of a recipe run on the fixture problems into {@code out}, on the CPU with one thread. */
    public static List<String> args(String recipe, Problems p, Path out, List<String> options) {
        List<String> args = new ArrayList<>(List.of(recipe, "--model", MODEL.toString(), "--data", p.train().toString(),
                "--eval-data", p.eval().toString(), "--out", out.toString(), "--device", "cpu", "--threads", "1"));
        args.addAll(SAMPLING);
        args.addAll(options);
        return args;
    }

    /** The problems with gold answers the fixture model hits, made once per JVM under {@code target/}. */
    public static synchronized Problems problems() {
        if (problems == null) {
            Path dir = temporaryDirectory();
            Problems placeholder = new Problems(write(dir.resolve("probe-input/train.jsonl"), TRAIN, Map.of()),
                    write(dir.resolve("probe-input/eval.jsonl"), EVAL, Map.of()));
            Path probe = dir.resolve("probe");
            Run run = run(args("shorten", placeholder, probe, TRAINING));
            assertThat(run.code()).as("the probe has nothing to train on: " + run.err()).isEqualTo(2);
            Map<String, String> trainGold = golds(probe.resolve("samples/responses.jsonl"), true);
            Map<String, String> evalGold = golds(probe.resolve("eval-before/responses.jsonl"), false);
            assertThat(trainGold).as("training problems the fixture answers").hasSizeGreaterThanOrEqualTo(3);
            assertThat(evalGold).as("held-out problems the fixture answers").isNotEmpty();
            problems = new Problems(write(dir.resolve("problems/train.jsonl"), TRAIN, trainGold),
                    write(dir.resolve("problems/eval.jsonl"), EVAL, evalGold));
        }
        return problems;
    }

    private static Path temporaryDirectory() {
        try {
            Files.createDirectories(Path.of("target"));
            return Files.createTempDirectory(Path.of("target"), "recipe-fixture-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Per problem, the answer of its shortest answered sample short of the longest (training) or its first. */
    private static Map<String, String> golds(Path responses, boolean shortest) {
        Map<String, List<JsonNode>> byProblem = new LinkedHashMap<>();
        for (JsonNode r : readJsonl(responses)) {
            byProblem.computeIfAbsent(r.get("problem_key").asText(), k -> new ArrayList<>()).add(r);
        }
        Map<String, String> gold = new LinkedHashMap<>();
        byProblem.forEach((problem, samples) -> {
            long longest = samples.stream().mapToLong(s -> s.get("tokens").asLong()).max().orElse(0);
            Stream<JsonNode> answered = samples.stream().filter(s -> s.get("final_answer").isTextual())
                    .filter(s -> !shortest || s.get("tokens").asLong() < longest);
            Optional<JsonNode> chosen = shortest
                    ? answered.min(Comparator.comparingLong(s -> s.get("tokens").asLong()))
                    : answered.findFirst();
            chosen.ifPresent(s -> gold.put(problem, s.get("final_answer").asText()));
        });
        return gold;
    }

    /** Writes the questions with their gold answers (by id: file stem and line), the placeholder where none. */
    private static Path write(Path file, List<String> questions, Map<String, String> gold) {
        String stem = file.getFileName().toString().replace(".jsonl", "");
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < questions.size(); i++) {
            ObjectNode row = JSON.createObjectNode().put("question", questions.get(i))
                    .put("answer", gold.getOrDefault(stem + "-" + (i + 1), UNMATCHABLE));
            lines.append(row).append('\n');
        }
        try {
            Files.createDirectories(file.getParent());
            return Files.writeString(file, lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JSON lines of a file. */
    public static List<JsonNode> readJsonl(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.filter(l -> !l.isBlank()).map(l -> {
                try {
                    return JSON.readTree(l);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A JSON file. */
    public static JsonNode readJson(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
