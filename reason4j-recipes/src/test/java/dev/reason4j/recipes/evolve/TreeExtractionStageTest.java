package dev.reason4j.recipes.evolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reason4j.core.dataset.Problem;
import dev.reason4j.core.grading.MathGrader;
import dev.reason4j.core.provenance.Hashing;
import dev.reason4j.core.provenance.RunManifest;
import dev.reason4j.core.store.RunMismatchException;
import dev.reason4j.core.store.RunStore;
import dev.reason4j.recipes.ResumableStage;
import dev.reason4j.recipes.StageProgress;
import dev.reason4j.recipes.StageResult;
import dev.reason4j.search.SearchJson;
import dev.reason4j.search.SearchResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The evolve data stage on real MCTS trees: files, statistics, provenance and resumption. */
class TreeExtractionStageTest {

    @TempDir
    Path tmp;

    private final MathGrader grader = MathGrader.withDefaults();
    private final ObjectMapper mapper = new ObjectMapper();
    private final TreeExtractionStage stage =
            new TreeExtractionStage(PolicyDataOptions.defaults(), PpmPairOptions.defaults(), grader);

    /** Three searches: p1 (gold 5, solved) twice with different seeds, p2 (gold 9, never solved). */
    private Path trees() throws Exception {
        List<Problem> problems = List.of(new Problem("p1", "What is 2+3?", "5"), new Problem("p2", "What is 4+5?", "9"),
                new Problem("p1", "What is 2+3?", "5"));
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < problems.size(); i++) {
            Problem p = problems.get(i);
            SearchResult r = BranchingPolicy.search(grader, List.of(p), i).get(0);
            ObjectNode line = mapper.createObjectNode().put("question", p.question()).put("gold", p.answer());
            line.set("tree", SearchJson.tree(r.tree(), mapper));
            lines.append(mapper.writeValueAsString(line)).append('\n');
        }
        Path file = tmp.resolve("results.jsonl");
        Files.writeString(file, lines);
        return file;
    }

    @Test
    void should_write_policy_sft_and_ppm_pairs_with_per_problem_statistics() throws Exception {
        Path run = tmp.resolve("run");

        StageResult result = stage.run(trees(), run, StageProgress.NONE);

        assertThat(result.counts()).isEqualTo(new ResumableStage.Counts(2, 0, 2));
        assertThat(result.written()).containsEntry("policy_sft", 2L).containsEntry("ppm_pairs", 6L);
        assertThat(result.totals()).containsEntry("units", 2.0).containsEntry("solved", 1.0)
                .containsEntry("trees", 3.0).containsEntry("sft_records", 2.0)
                .containsEntry("step_pair_records", 4.0).containsEntry("final_answer_pair_records", 2.0);
        List<JsonNode> sft = lines(run.resolve("policy_sft.jsonl"));
        assertThat(sft).extracting(n -> n.path("completion").asText())
                .containsExactly("a\n\n\\boxed{5}\n\n", "a\n\n\\boxed{5}\n\n");
        assertThat(sft).as("the best correct trajectory of each of p1's trees (node ids depend on the search seed)")
                .extracting(n -> n.path("source").asText().replaceFirst("/node\\d+$", ""))
                .containsExactly("p1/tree0", "p1/tree1");
        List<JsonNode> pairs = lines(run.resolve("ppm_pairs.jsonl"));
        assertThat(pairs).allSatisfy(n -> {
            assertThat(n.path("problem_id").asText()).isEqualTo("p1");
            assertThat(n.path("prompt").asText()).endsWith("Please reason step by step, and put your final answer within \\boxed{}.\n");
            assertThat(n.path("positive").size()).isPositive();
            assertThat(n.path("negative").size()).isPositive();
        });
        JsonNode summary = mapper.readTree(run.resolve("summary.json").toFile());
        assertThat(summary.path("data_sets").path("ppm_pairs").path("records").asLong()).isEqualTo(6);
        assertThat(summary.path("data_sets").path("ppm_pairs").path("sha256").asText())
                .isEqualTo(Hashing.sha256(run.resolve("ppm_pairs.jsonl")));
        assertThat(summary.path("totals").path("solved").asDouble()).isEqualTo(1.0);
        RunManifest manifest = RunManifest.fromJson(Files.readString(run.resolve("run.json")), "run.json");
        assertThat(manifest.command()).isEqualTo("evolve-extract");
        assertThat(manifest.config()).containsEntry("sft_per_problem", 2L).containsEntry("ppm_step_margin", 0.0);
        assertThat(manifest.inputs()).singleElement().satisfies(f -> assertThat(f.path()).endsWith("results.jsonl"));
    }

    @Test
    void should_resume_a_run_cut_short_and_write_the_same_files_as_an_uninterrupted_one() throws Exception {
        Path input = trees();
        Path whole = tmp.resolve("whole");
        stage.run(input, whole, StageProgress.NONE);
        Path cut = tmp.resolve("cut");
        List<ResumableStage.Unit<List<ExploredTree>>> units =
                TreeExtractionStage.byProblem(new SearchTreeReader(grader).readAll(input));
        try (RunStore store = RunStore.open(cut, stage.manifest(input))) { // the first problem, then a "kill"
            ResumableStage.run(store, "extract", units.subList(0, 1), stage::extract, StageProgress.NONE, mapper);
        }

        StageResult resumed = stage.run(input, cut, StageProgress.NONE);

        assertThat(resumed.counts()).isEqualTo(new ResumableStage.Counts(2, 1, 1));
        for (String file : List.of("policy_sft.jsonl", "ppm_pairs.jsonl")) {
            assertThat(Files.readString(cut.resolve(file))).isEqualTo(Files.readString(whole.resolve(file)));
        }
        assertThat(stage.run(input, cut, StageProgress.NONE).counts()).isEqualTo(new ResumableStage.Counts(2, 2, 0));
    }

    @Test
    void should_refuse_to_resume_a_run_made_with_other_options() throws Exception {
        Path input = trees();
        Path run = tmp.resolve("run");
        stage.run(input, run, StageProgress.NONE);
        TreeExtractionStage other = new TreeExtractionStage(new PolicyDataOptions(4, true), PpmPairOptions.defaults(),
                grader);

        assertThatThrownBy(() -> other.run(input, run, StageProgress.NONE))
                .isInstanceOf(RunMismatchException.class)
                .hasMessageContaining("sft_per_problem");
    }

    private List<JsonNode> lines(Path file) throws Exception {
        return Files.readAllLines(file).stream().map(l -> {
            try {
                return mapper.readTree(l);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }).toList();
    }
}
