package dev.reason4j.recipes.evolve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reason4j.core.dataset.Problem;
import dev.reason4j.core.grading.MathGrader;
import dev.reason4j.core.provenance.RunManifest;
import dev.reason4j.lm.reward.OracleRewardModel;
import dev.reason4j.recipes.StageProgress;
import dev.reason4j.search.AnswerSelection;
import dev.reason4j.search.RStarMcts;
import dev.reason4j.search.SearchContext;
import dev.reason4j.search.SearchSettings;
import dev.reason4j.search.protocol.CotStepProtocol;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A search stage over the branching policy: its records, summary by difficulty, and resumption. */
class SearchStageTest {

    @TempDir
    Path tmp;

    private final MathGrader grader = MathGrader.withDefaults();
    private final ObjectMapper mapper = new ObjectMapper();

    /** The branching policy answers 5, 6 or 7: gold 5 and 7 are reachable, 9 is not. */
    private final List<Problem> problems = List.of(
            new Problem("p1", "What is 2+3?", "5", Map.of("level", "1")),
            new Problem("p2", "What is 4+5?", "9", Map.of("level", "1")),
            new Problem("p3", "What is 3+4?", "7", Map.of("level", "2")));

    private final AtomicInteger opened = new AtomicInteger();

    private Supplier<SearchModels> models() {
        return () -> {
            opened.incrementAndGet();
            return new SearchModels(List.of(), SearchContext.builder()
                    .policy(new BranchingPolicy())
                    .protocol(new CotStepProtocol(grader.extractor(), true))
                    .reward(new OracleRewardModel(grader))
                    .settings(SearchSettings.builder().temperature(0.7).build())
                    .build());
        };
    }

    private SearchStage stage() {
        MctsSettings mcts = new MctsSettings(StepFormat.COT, 8, 2, 4, 16, 2, 0.7, 0.95, 2, false, 1);
        return new SearchStage(new RStarMcts(mcts.options(AnswerSelection.TOP_SCORE, 8)), 3, 2, true, grader,
                p -> p.meta().get("level"));
    }

    private RunManifest job() {
        return RunManifest.builder("search-stage-test").seed("search", 3).build();
    }

    @Test
    void should_record_each_problem_with_its_tree_and_sum_solved_by_difficulty() throws Exception {
        Path dir = tmp.resolve("run");

        ObjectNode summary = stage().run(dir, job(), problems, models(), StageProgress.NONE);

        assertThat(summary.path("problems").asLong()).isEqualTo(3);
        assertThat(summary.path("solved").asLong()).isEqualTo(2);
        assertThat(summary.path("correct").asLong()).as("the oracle ranks the right answer first").isEqualTo(2);
        assertThat(summary.path("strategy").asText()).isEqualTo("mcts");
        assertThat(summary.path("by_difficulty").path("1").path("solved").asLong()).isEqualTo(1);
        assertThat(summary.path("by_difficulty").path("1").path("problems").asLong()).isEqualTo(2);
        assertThat(summary.path("by_difficulty").path("2").path("solved_share").asDouble()).isEqualTo(1.0);
        List<JsonNode> records = records(dir);
        assertThat(records).extracting(r -> r.path("problem_id").asText()).containsExactly("p1", "p2", "p3");
        assertThat(records).extracting(r -> r.path("difficulty").asText()).containsExactly("1", "1", "2");
        assertThat(records).extracting(r -> r.path("gold").asText()).containsExactly("5", "9", "7");
        assertThat(records.get(1).path("solved").asBoolean()).isFalse();
        assertThat(records.get(0).path("tree").path("nodes").size()).as("the whole branching tree").isEqualTo(7);
        assertThat(new SearchTreeReader(grader).readAll(dir.resolve(SearchStage.RESULTS)))
                .as("the records read back as graded trees").hasSize(3);
    }

    @Test
    void should_resume_with_the_problems_not_yet_recorded_and_equal_an_uninterrupted_run() throws Exception {
        Path resumed = tmp.resolve("resumed");
        stage().run(resumed, job(), problems.subList(0, 1), models(), StageProgress.NONE);
        List<Long> starts = new ArrayList<>();
        StageProgress progress = new StageProgress() {
            @Override
            public void start(String stage, long total, long alreadyDone) {
                starts.add(alreadyDone);
            }

            @Override
            public void step() {}

            @Override
            public void finish() {}
        };

        stage().run(resumed, job(), problems, models(), progress);
        stage().run(tmp.resolve("whole"), job(), problems, models(), StageProgress.NONE);

        assertThat(starts).containsExactly(1L);
        assertThat(withoutTimes(records(resumed))).isEqualTo(withoutTimes(records(tmp.resolve("whole"))));
    }

    @Test
    void should_not_open_the_models_when_every_problem_is_recorded() throws Exception {
        Path dir = tmp.resolve("run");
        stage().run(dir, job(), problems, models(), StageProgress.NONE);
        String first = Files.readString(dir.resolve(SearchStage.RESULTS));

        ObjectNode again = stage().run(dir, job(), problems, models(), StageProgress.NONE);

        assertThat(opened).hasValue(1);
        assertThat(again.path("problems").asLong()).isEqualTo(3);
        assertThat(Files.readString(dir.resolve(SearchStage.RESULTS))).as("exported again, the same").isEqualTo(first);
    }

    /** The records without their wall times, which differ from run to run. */
    private static List<JsonNode> withoutTimes(List<JsonNode> records) {
        records.forEach(r -> ((ObjectNode) r.path("usage")).remove("wall_ms"));
        return records;
    }

    private List<JsonNode> records(Path dir) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve(SearchStage.RESULTS))) {
            out.add(mapper.readTree(line));
        }
        return out;
    }
}
