package dev.reason4j.app.recipes.evolve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reason4j.app.recipes.common.RecipeFixture;
import dev.reason4j.core.provenance.Hashing;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code reason4j evolve} end to end on the random fixture model (plumbing, not accuracy): two rounds of synthesis,
 * data, policy and PPM training and evaluation, with their files, provenance and reports; a rerun that finds every
 * stage done; and the user errors of a bad configuration.
 */
class EvolveCommandTest {

    private static final List<String> STAGES = List.of("synthesis", "data", "policy", "ppm", "eval");

    @TempDir
    Path tmp;

    private static EvolveFixture.Setup setup;

    @BeforeAll
    static void calibrate() {
        System.setProperty("ai.djl.offline", "true");
        setup = EvolveFixture.setup();
    }

    @Test
    void should_run_two_rounds_with_every_stage_recorded_and_resume_as_a_no_op() throws Exception {
        Path out = tmp.resolve("run");

        RecipeFixture.Run run = RecipeFixture.run(EvolveFixture.args(setup.config(), out));

        assertThat(run.code()).as(run.err()).isZero();
        for (int round = 1; round <= 2; round++) {
            for (String stage : STAGES) {
                assertThat(run.out()).contains("round " + round + " " + stage + " finished: ");
                assertThat(out.resolve("round-" + round + "/" + stage + "/done.json")).isRegularFile();
                assertThat(out.resolve("round-" + round + "/" + stage + "/run.json")).isRegularFile();
            }
        }
        List<JsonNode> rounds = RecipeFixture.readJsonl(out.resolve("rounds.jsonl"));
        assertThat(rounds).hasSize(2);
        JsonNode first = rounds.get(0);
        JsonNode second = rounds.get(1);
        assertThat(first.get("problems").asLong()).isEqualTo(6);
        assertThat(first.get("solved").asLong()).isEqualTo(setup.roundOne());
        assertThat(second.get("solved").asLong()).isGreaterThanOrEqualTo(setup.roundTwo());
        assertThat(first.get("solved_by_difficulty").size()).as("levels 1, 2 and 3").isEqualTo(3);
        long solvedByLevel = 0;
        for (JsonNode level : first.get("solved_by_difficulty")) {
            solvedByLevel += level.get("solved").asLong();
        }
        assertThat(solvedByLevel).isEqualTo(first.get("solved").asLong());
        for (JsonNode round : rounds) {
            assertThat(round.get("sft_records").asLong()).isPositive();
            assertThat(round.get("pairs").asLong()).isGreaterThanOrEqualTo(round.get("pair_records").asLong())
                    .isPositive();
            assertThat(round.get("policy").get("trained").asBoolean()).isTrue();
            assertThat(round.get("policy").get("steps").asLong()).isEqualTo(6);
            assertThat(round.get("ppm").get("steps").asLong()).isEqualTo(6);
            assertThat(round.get("eval").get("strategy").asText()).isEqualTo("mcts");
            assertThat(round.get("eval").get("problems").asLong()).isEqualTo(2);
            assertThat(round.get("eval").get("accuracy").isNumber()).isTrue();
        }
        assertThat(second.get("policy").get("model").asText()).isEqualTo("round-2/policy");
        assertThat(run.out()).contains("round  problems  solved").containsPattern("(?m)^ +1 +6 ").containsPattern("(?m)^ +2 +6 ");

        Path base = RecipeFixture.MODEL.resolve("model.safetensors");
        JsonNode synthesis2 = RecipeFixture.readJson(out.resolve("round-2/synthesis/run.json"));
        assertThat(synthesis2.get("config").get("policy").asText()).isEqualTo("round-1/policy");
        assertThat(synthesis2.get("config").get("ppm").asText()).as("the previous PPM initialises Q")
                .isEqualTo("round-1/ppm");
        assertThat(hashes(synthesis2)).contains(Hashing.sha256(out.resolve("round-1/ppm/model.safetensors")),
                Hashing.sha256(out.resolve("round-1/policy/model.safetensors")));
        assertThat(synthesis2.get("seeds").get("search").asLong()).isEqualTo(setup.searchSeed() + 1);
        JsonNode synthesis1 = RecipeFixture.readJson(out.resolve("round-1/synthesis/run.json"));
        assertThat(synthesis1.get("config").get("ppm").isNull()).as("round 1 searches without a PPM").isTrue();
        assertThat(hashes(RecipeFixture.readJson(out.resolve("round-2/policy/run.json")))).as("trained from the base")
                .contains(Hashing.sha256(base), Hashing.sha256(out.resolve("round-2/data/policy_sft.jsonl")));
        assertThat(hashes(RecipeFixture.readJson(out.resolve("round-2/ppm/run.json")))).as("from the round's policy")
                .contains(Hashing.sha256(out.resolve("round-2/policy/model.safetensors")),
                        Hashing.sha256(out.resolve("round-2/data/ppm_pairs.jsonl")));
        JsonNode top = RecipeFixture.readJson(out.resolve("run.json"));
        assertThat(top.get("command").asText()).isEqualTo("evolve");
        assertThat(hashes(top)).contains(Hashing.sha256(base),
                Hashing.sha256(setup.config().resolveSibling("problems.jsonl")));
        assertThat(top.get("config").get("mcts").get("rollouts").asInt()).isEqualTo(6);

        List<JsonNode> trees = RecipeFixture.readJsonl(out.resolve("round-1/synthesis/results.jsonl"));
        assertThat(trees).hasSize(6).allSatisfy(r -> {
            assertThat(r.get("tree").get("nodes").size()).isGreaterThan(1);
            assertThat(r.get("difficulty").asText()).isIn("1", "2", "3");
        });
        assertThat(trees.stream().filter(r -> r.get("solved").asBoolean()).count()).isEqualTo(setup.roundOne());
        assertThat(scoredSteps(trees)).as("round 1 has no PPM to score steps").isZero();
        assertThat(scoredSteps(RecipeFixture.readJsonl(out.resolve("round-2/synthesis/results.jsonl"))))
                .as("round 2's steps get the PPM's score as their initial Q").isPositive();
        assertThat(RecipeFixture.readJsonl(out.resolve("round-1/eval/results.jsonl")))
                .hasSize(2).allSatisfy(r -> assertThat(r.has("tree")).isFalse());
        assertThat(out.resolve("round-1/policy/model.safetensors")).isRegularFile();
        assertThat(out.resolve("round-1/ppm/checkpoints")).isDirectory();

        String reported = Files.readString(out.resolve("rounds.jsonl"));
        RecipeFixture.Run again = RecipeFixture.run(EvolveFixture.args(setup.config(), out));

        assertThat(again.code()).as(again.err()).isZero();
        assertThat(again.out().lines().filter(l -> l.contains(" done earlier: "))).hasSize(10);
        assertThat(again.out()).doesNotContain(" finished: ");
        assertThat(Files.readString(out.resolve("rounds.jsonl"))).isEqualTo(reported);
    }

    @Test
    void should_report_a_bad_setting_with_file_line_and_field() throws Exception {
        Path config = Files.writeString(tmp.resolve("evolve.yaml"),
                Files.readString(setup.config()).replace("rollouts: 6", "rollouts: six"));
        Files.copy(setup.config().resolveSibling("problems.jsonl"), tmp.resolve("problems.jsonl"));
        Files.copy(setup.config().resolveSibling("eval.jsonl"), tmp.resolve("eval.jsonl"));

        RecipeFixture.Run run = RecipeFixture.run(EvolveFixture.args(config, tmp.resolve("run")));

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains(config + " line 5, field 'mcts.rollouts': expected a whole number, found 'six'");
        assertThat(tmp.resolve("run")).doesNotExist();
    }

    @Test
    void should_refuse_another_configuration_in_a_run_directory() throws Exception {
        Path out = tmp.resolve("run");
        Path other = Files.writeString(tmp.resolve("evolve.yaml"),
                Files.readString(setup.config()).replace("rounds: 2", "rounds: 1").replace("rollouts: 6", "rollouts: 1"));
        Files.copy(setup.config().resolveSibling("problems.jsonl"), tmp.resolve("problems.jsonl"));
        Files.copy(setup.config().resolveSibling("eval.jsonl"), tmp.resolve("eval.jsonl"));
        assertThat(RecipeFixture.run(EvolveFixture.args(other, out)).code()).isZero();

        RecipeFixture.Run run = RecipeFixture.run(EvolveFixture.args(setup.config(), out));

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("rounds").contains(out.toString());
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

    private static List<String> hashes(JsonNode manifest) {
        List<String> hashes = new ArrayList<>();
        manifest.get("inputs").forEach(i -> hashes.add(i.get("sha256").asText()));
        return hashes;
    }
}
