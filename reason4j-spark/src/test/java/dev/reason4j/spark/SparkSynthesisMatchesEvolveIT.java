package dev.reason4j.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reason4j.app.Reason4j;
import dev.reason4j.core.dataset.Problem;
import dev.reason4j.core.grading.MathGrader;
import dev.reason4j.exec.CodeExecutor;
import dev.reason4j.exec.PythonPoolConfig;
import dev.reason4j.exec.PythonWorkerPool;
import dev.reason4j.lm.LanguageModel;
import dev.reason4j.lm.LmFixtures;
import dev.reason4j.lm.Tokenizer;
import dev.reason4j.lm.hf.HfTokenizer;
import dev.reason4j.lm.openai.OpenAiLanguageModel;
import dev.reason4j.lm.reward.RewardModel;
import dev.reason4j.lm.reward.ValueTransform;
import dev.reason4j.lm.train.Trainer;
import dev.reason4j.recipes.StageProgress;
import dev.reason4j.recipes.evolve.EvolutionModels;
import dev.reason4j.recipes.evolve.EvolveSynthesis;
import dev.reason4j.recipes.evolve.MctsSettings;
import dev.reason4j.recipes.evolve.PolicyDataOptions;
import dev.reason4j.recipes.evolve.PpmPairOptions;
import dev.reason4j.recipes.evolve.ProblemFile;
import dev.reason4j.recipes.evolve.StepFormat;
import dev.reason4j.recipes.evolve.TreeExtractionStage;
import dev.reason4j.torch.DeviceChoice;
import dev.reason4j.torch.train.TorchRewardModel;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * rStar-Math data synthesis as a Spark job ({@code --stage synthesis}) in local[2] and {@code reason4j evolve}'s
 * synthesis stage on one machine ({@link EvolveSynthesis}: {@code SearchStage} as a round runs it), same problems,
 * seeds and settings, both against our own server on loopback: every problem gets the same record (search tree,
 * answers, correct, solved, usage; times left out), in round 1 (the oracle's terminal rewards only) and in round 2
 * (the PPM trained on round 1's pairs initialising Q as well); the Spark job's {@code --extract} gives the SFT data
 * and PPM pairs {@link TreeExtractionStage} makes of evolve's records, which {@code reason4j export} and
 * {@code reason4j train ppm} take.
 */
class SparkSynthesisMatchesEvolveIT {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Path MODEL = LmFixtures.checkpoint(LmFixtures.QWEN2_F32);
    private static final Map<String, String> SPARK_PROPERTIES = LocalSpark.settings("local[2]");
    private static final List<String> QUESTIONS = List.of("What is 2 + 3?", "What is 6 times 7?", "What is 10 - 4?",
            "Tom has 4 apples and eats one. How many are left?", "What is 9 + 8?", "What is 15 divided by 3?");
    /** A gold answer no branch can equal. */
    private static final String UNREACHED = "x^9+q";
    /** 6 rollouts of 3 candidates, 4 steps of at most 16 tokens, 2 problems per batch. */
    private static final MctsSettings MCTS = new MctsSettings(StepFormat.COT, 6, 3, 4, 16, 2, 0.8, 0.95, 2, false, 1);
    private static final List<String> SPARK_MCTS = List.of("--protocol", "cot", "--rollouts", "6", "--candidates", "3",
            "--max-depth", "4", "--max-step-tokens", "16", "--exploration", "2", "--temperature", "0.8",
            "--top-p", "0.95", "--batch", "2");
    private static final long SEARCH_SEED = 5;

    private static LoopbackServer server;

    @BeforeAll
    static void start() {
        server = LoopbackServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void should_record_what_evolve_synthesis_records_in_round_one_and_with_the_previous_ppm(@TempDir Path dir)
            throws IOException {
        Path problems = calibratedProblems(dir);
        ServedModels models = new ServedModels(server.baseUrl());

        // round 1: the oracle's terminal rewards only
        Path evolve1 = EvolveSynthesis.run(dir.resolve("evolve-1"), load(problems), MCTS, SEARCH_SEED, models, MODEL,
                null);
        Path spark1 = dir.resolve("spark-1");
        Path sparkData = dir.resolve("spark-1-data");
        String out1 = sparkSynthesis(problems, spark1, SEARCH_SEED, "--extract", sparkData.toString());

        List<JsonNode> round1 = assertSameRecords(spark1.resolve("results.jsonl"), evolve1);
        long solved = round1.stream().filter(r -> r.get("solved").asBoolean()).count();
        assertThat(solved).as("problems whose gold a branch reached").isGreaterThanOrEqualTo(2);
        assertThat(round1).allSatisfy(r -> {
            assertThat(r.get("strategy").asText()).isEqualTo("mcts");
            assertThat(r.get("tree").get("nodes").size()).isGreaterThan(1);
            assertThat(r.get("difficulty").asText()).isIn("1", "2", "3");
        });
        assertThat(scoredSteps(round1)).as("round 1 has no PPM to score steps").isZero();

        Path evolveData = dir.resolve("evolve-1-data");
        new TreeExtractionStage(PolicyDataOptions.defaults(), PpmPairOptions.defaults(), MathGrader.withDefaults())
                .run(evolve1, evolveData, StageProgress.NONE);
        for (String dataSet : List.of("policy_sft.jsonl", "ppm_pairs.jsonl")) {
            assertThat(Files.readAllLines(sparkData.resolve(dataSet))).as(dataSet).isNotEmpty()
                    .isEqualTo(Files.readAllLines(evolveData.resolve(dataSet)));
        }
        assertThat(out1).contains("data: ").contains(sparkData.toString());
        Path trl = dir.resolve("trl");
        assertThat(run(Reason4j.commandLine(), List.of("export", "--format", "trl", "--run", sparkData.toString(),
                "--out", trl.toString()))).isZero();
        assertThat(Files.readAllLines(trl.resolve("policy_sft.jsonl"))).as("exported for TRL")
                .hasSameSizeAs(Files.readAllLines(sparkData.resolve("policy_sft.jsonl")));

        // round 2: the PPM trained on round 1's pairs initialises Q
        Path ppm = dir.resolve("ppm");
        assertThat(run(Reason4j.commandLine(), List.of("train", "ppm", "--model", MODEL.toString(), "--data",
                sparkData.resolve("ppm_pairs.jsonl").toString(), "--out", ppm.toString(), "--max-steps", "2",
                "--threads", "1"))).isZero();
        Path evolve2 = EvolveSynthesis.run(dir.resolve("evolve-2"), load(problems), MCTS, SEARCH_SEED + 1, models, MODEL,
                ppm);
        Path spark2 = dir.resolve("spark-2");
        sparkSynthesis(problems, spark2, SEARCH_SEED + 1, "--ppm", ppm.toString());

        List<JsonNode> round2 = assertSameRecords(spark2.resolve("results.jsonl"), evolve2);
        assertThat(scoredSteps(round2)).as("the PPM's score of each new step is its initial Q").isPositive();
        JsonNode job = MAPPER.readTree(spark2.resolve("run.json").toFile());
        assertThat(job.get("command").asText()).isEqualTo("synthesis");
        assertThat(job.get("config").get("ppm").asText()).isEqualTo(ppm.toString());
        assertThat(job.get("config").get("mcts").get("rollouts").asInt()).isEqualTo(6);
        assertThat(job.get("seeds").get("search").asLong()).isEqualTo(SEARCH_SEED + 1);
    }

    /**
     * Writes the problems with gold answers the round-1 search reaches: a first search with a gold no answer can
     * equal, then each problem's first answer (by node id) becomes its gold. Everything up to that answer is
     * independent of the gold, so the search reaches it again.
     */
    private static Path calibratedProblems(Path dir) throws IOException {
        Path probe = writeProblems(dir.resolve("probe"), List.of());
        Path results = EvolveSynthesis.run(dir.resolve("probe-run"), load(probe), MCTS, SEARCH_SEED,
                new ServedModels(server.baseUrl()), MODEL, null);
        List<String> golds = new ArrayList<>();
        for (String line : Files.readAllLines(results)) {
            golds.add(firstAnswer(MAPPER.readTree(line).get("tree")));
        }
        return writeProblems(dir.resolve("problems"), golds);
    }

    /** {@code problems.jsonl} in {@code dir} (same file name, so the same ids), levels 1 to 3. */
    private static Path writeProblems(Path dir, List<String> golds) throws IOException {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < QUESTIONS.size(); i++) {
            String gold = i < golds.size() && golds.get(i) != null ? golds.get(i) : UNREACHED;
            lines.append(MAPPER.createObjectNode().put("question", QUESTIONS.get(i)).put("answer", gold)
                    .put("level", String.valueOf(1 + i % 3))).append('\n');
        }
        Files.createDirectories(dir);
        return Files.writeString(dir.resolve("problems.jsonl"), lines);
    }

    /** The tree's first answer that grades equal to itself, or null. */
    private static String firstAnswer(JsonNode tree) {
        MathGrader grader = MathGrader.withDefaults();
        for (JsonNode node : tree.get("nodes")) {
            String answer = node.path("answer").asText("");
            if (!answer.isBlank() && grader.grade(answer, answer).equal()) {
                return answer;
            }
        }
        return null;
    }

    private static List<Problem> load(Path problems) {
        return new ProblemFile(problems, null, 0, null).load().problems();
    }

    /** Runs the Spark synthesis job in local[2], 2 problems per task, 2 tasks per wave; returns its output. */
    private static String sparkSynthesis(Path problems, Path out, long seed, String... more) {
        List<String> args = new ArrayList<>(List.of("--stage", "synthesis", "--endpoint", server.baseUrl(), "--data",
                problems.toString(), "--seed", String.valueOf(seed), "--out", out.toString(), "--task-problems", "2",
                "--wave-tasks", "2"));
        args.addAll(SPARK_MCTS);
        args.addAll(List.of(more));
        StringWriter output = new StringWriter();
        SPARK_PROPERTIES.forEach(System::setProperty);
        try {
            CommandLine cli = SparkEvalCommand.commandLine();
            cli.setOut(new PrintWriter(output));
            assertThat(run(cli, args)).as(output.toString()).isZero();
        } finally {
            SPARK_PROPERTIES.keySet().forEach(System::clearProperty);
        }
        return output.toString();
    }

    private static int run(CommandLine cli, List<String> args) {
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args.toArray(String[]::new));
        if (code != 0) {
            System.err.println(err);
        }
        return code;
    }

    /**
     * Asserts that the Spark job's records and evolve's are the same problems in the same order with equal records
     * once times are left out (evolve's {@code usage.wall_ms}; the job's batch time and size besides), and returns
     * the job's.
     */
    private static List<JsonNode> assertSameRecords(Path spark, Path evolve) throws IOException {
        Map<String, JsonNode> expected = withoutTimes(evolve);
        Map<String, JsonNode> actual = withoutTimes(spark);
        assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet()).hasSize(QUESTIONS.size());
        expected.forEach((id, record) -> assertThat(actual.get(id)).as(id).isEqualTo(record));
        return List.copyOf(actual.values());
    }

    private static Map<String, JsonNode> withoutTimes(Path results) throws IOException {
        Map<String, JsonNode> records = new LinkedHashMap<>();
        for (String line : Files.readAllLines(results)) {
            ObjectNode r = (ObjectNode) MAPPER.readTree(line);
            r.remove(List.of("batch_wall_ms", "batch_size"));
            ((ObjectNode) r.get("usage")).remove("wall_ms");
            records.put(r.get("problem_id").asText(), r);
        }
        return records;
    }

    /** Steps that did not end a branch but carry a reward: the PPM's score of a new node. */
    private static long scoredSteps(List<JsonNode> records) {
        long scored = 0;
        for (JsonNode r : records) {
            for (JsonNode node : r.get("tree").get("nodes")) {
                scored += node.has("reward") && !node.has("terminal") ? 1 : 0;
            }
        }
        return scored;
    }

    /**
     * evolve's models for this test: the policy is the loopback server's model (the {@code reason4j serve} every
     * client here shares, so evolve and Spark sample the same tokens), the PPM a value-head checkpoint scored with
     * rStar-Math's {@code tanh(raw/5)} on the CPU, as {@code reason4j evolve} and the Spark executors open it.
     */
    private record ServedModels(String baseUrl) implements EvolutionModels {

        @Override
        public LanguageModel generator(Path modelDir) {
            return OpenAiLanguageModel.builder().baseUrls(baseUrl).build();
        }

        @Override
        public Trainer trainer(Path modelDir) {
            throw new UnsupportedOperationException("synthesis trains nothing");
        }

        @Override
        public RewardModel processPreferenceModel(Path modelDir) {
            return TorchRewardModel.open(modelDir, RewardModel.Kind.PROCESS, DeviceChoice.parse("cpu"),
                    ValueTransform.TANH_OVER_5);
        }

        @Override
        public Tokenizer tokenizer(Path modelDir) {
            return HfTokenizer.load(modelDir);
        }

        @Override
        public CodeExecutor codeExecutor() {
            return PythonWorkerPool.start(PythonPoolConfig.defaults());
        }
    }
}
