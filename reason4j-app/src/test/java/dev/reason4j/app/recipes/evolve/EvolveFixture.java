package dev.reason4j.app.recipes.evolve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reason4j.app.recipes.common.RecipeFixture;
import dev.reason4j.core.grading.MathGrader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A two-round self-evolution on the random fixture model in which both rounds have data to train on. The model
 * writes noise, but its trees end in "answers" (the text of branches that stop): probe runs pick gold answers the
 * search reaches, in two steps. Probe 1 searches every problem with a gold no answer can equal; problems 1–3 then get
 * the first answer their round-1 tree reaches. Probe 2 runs with those: round 1 trains the policy and the PPM, and
 * problems 4–6 get the first answer their round-2 tree reaches that none of their round-1 answers equals. In the
 * final run round 1 solves problems 1–3 exactly as probe 2 did (unsolved problems give no data, so round 1 trains the
 * same models), and round 2 solves problems 4–6 with them. Each problem is searched from its own seed, and everything
 * before a problem's first answer is independent of its gold, so the answers come back. The problem files keep their
 * names, so the problem ids (file stem and line) stay the same. The search seed is the first under which both probes
 * find answers.
 */
final class EvolveFixture {

    /** A gold answer no branch can equal. */
    private static final String UNREACHED = "x^9+q";
    private static final List<String> QUESTIONS = List.of("What is 2 + 3?", "What is 6 times 7?", "What is 10 - 4?",
            "Tom has 4 apples and eats one. How many are left?", "What is 9 + 8?", "What is 15 divided by 3?");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final MathGrader GRADER = MathGrader.withDefaults();
    private static final int SEEDS_TRIED = 8;
    private static Setup setup;

    /**
     * The calibrated run.
     *
     * @param config its {@code evolve.yaml}, next to its problem files
     * @param roundOne problems round 1 solves
     * @param roundTwo problems round 1 leaves and round 2 solves
     * @param searchSeed the configuration's search seed (round r searches with it + r − 1)
     */
    record Setup(Path config, int roundOne, int roundTwo, long searchSeed) {}

    private EvolveFixture() {}

    /** Tiny settings: 2 rounds, 6 rollouts of 3 candidates, 4 steps of 16 tokens, 6 training steps per model. */
    private static String yaml(long searchSeed) {
        return """
                base_model: %s
                rounds: 2
                problems: {file: problems.jsonl}
                seeds: {search: %d, training: 0, eval: 0}
                mcts: {protocol: cot, rollouts: 6, candidates: 3, max_depth: 4, max_step_tokens: 16, batch: 2}
                train:
                  policy: {learning_rate: 1e-3, max_steps: 6, checkpoint_every: 2}
                  ppm: {learning_rate: 1e-3, max_steps: 6, checkpoint_every: 2}
                eval: {file: eval.jsonl, strategy: mcts, rollouts: 2}
                """.formatted(RecipeFixture.MODEL, searchSeed);
    }

    /** The calibrated configuration, made once per JVM under {@code target/}; its run directory is the caller's. */
    static synchronized Setup setup() {
        if (setup == null) {
            Path dir = temporaryDirectory();
            // Whether a random model's trees reach answers depends on its draws: take the first search seed that
            // gives both rounds data (the draws, not the code under test, decide this).
            for (long seed = 0; setup == null && seed < SEEDS_TRIED; seed++) {
                setup = calibrate(dir.resolve("seed-" + seed), seed).orElse(null);
            }
            assertThat(setup).as("a search seed under which the fixture's rounds 1 and 2 both reach answers").isNotNull();
        }
        return setup;
    }

    private static Optional<Setup> calibrate(Path dir, long seed) {
        Map<String, String> gold = new LinkedHashMap<>();
        Path probe1 = write(dir.resolve("probe-1"), gold, seed);
        run(probe1);
        for (int p = 1; p <= 3; p++) {
            String id = id(p);
            firstAnswer(tree(probe1, 1, p), List.of()).ifPresent(answer -> gold.put(id, answer));
        }
        int roundOne = gold.size();
        if (roundOne < 2) {
            return Optional.empty();
        }
        Path probe2 = write(dir.resolve("probe-2"), gold, seed);
        run(probe2);
        for (int p = 4; p <= 6; p++) {
            String id = id(p);
            firstAnswer(tree(probe2, 2, p), answers(tree(probe2, 1, p))).ifPresent(answer -> gold.put(id, answer));
        }
        if (gold.size() == roundOne) {
            return Optional.empty();
        }
        return Optional.of(new Setup(write(dir.resolve("evolve"), gold, seed).resolve("evolve.yaml"), roundOne,
                gold.size() - roundOne, seed));
    }

    private static String id(int problem) {
        return "problems-" + problem;
    }

    /** The arguments of {@code reason4j evolve} with {@code config} into {@code out}, on the CPU with one thread. */
    static List<String> args(Path config, Path out) {
        return List.of("evolve", "--config", config.toString(), "--out", out.toString());
    }

    private static void run(Path dir) {
        RecipeFixture.Run run = RecipeFixture.run(args(dir.resolve("evolve.yaml"), dir.resolve("run")));
        assertThat(run.code()).as(run.err()).isZero();
    }

    /** The tree problem {@code problem} grew in round {@code round} of the run in {@code dir}. */
    private static JsonNode tree(Path dir, int round, int problem) {
        Path results = dir.resolve("run/round-" + round + "/synthesis/results.jsonl");
        return RecipeFixture.readJsonl(results).get(problem - 1).get("tree");
    }

    /** The answers a tree reached, by node id. */
    private static List<String> answers(JsonNode tree) {
        List<String> answers = new ArrayList<>();
        tree.get("nodes").forEach(n -> {
            if (n.has("answer")) {
                answers.add(n.get("answer").asText());
            }
        });
        return answers;
    }

    /** The tree's first answer (by node id) that grades equal to itself and to none of {@code excluded}. */
    private static Optional<String> firstAnswer(JsonNode tree, List<String> excluded) {
        return answers(tree).stream()
                .filter(a -> !a.isBlank() && GRADER.grade(a, a).equal())
                .filter(a -> excluded.stream().noneMatch(e -> GRADER.grade(a, e).equal()))
                .findFirst();
    }

    /** Writes the configuration and the problem files with {@code gold} (the placeholder elsewhere) into {@code dir}. */
    private static Path write(Path dir, Map<String, String> gold, long searchSeed) {
        StringBuilder problems = new StringBuilder();
        for (int i = 1; i <= QUESTIONS.size(); i++) {
            problems.append(JSON.createObjectNode().put("question", QUESTIONS.get(i - 1))
                    .put("answer", gold.getOrDefault(id(i), UNREACHED)).put("level", String.valueOf(1 + (i - 1) % 3)))
                    .append('\n');
        }
        String eval = JSON.createObjectNode().put("question", QUESTIONS.get(0)).put("answer", "5") + "\n"
                + JSON.createObjectNode().put("question", QUESTIONS.get(3)).put("answer", "3") + "\n";
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("problems.jsonl"), problems);
            Files.writeString(dir.resolve("eval.jsonl"), eval);
            Files.writeString(dir.resolve("evolve.yaml"), yaml(searchSeed));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    private static Path temporaryDirectory() {
        try {
            Files.createDirectories(Path.of("target"));
            return Files.createTempDirectory(Path.of("target"), "evolve-fixture-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
