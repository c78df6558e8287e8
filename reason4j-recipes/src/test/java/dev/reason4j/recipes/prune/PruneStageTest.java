package dev.reason4j.recipes.prune;

import static dev.reason4j.recipes.HandSplit.single;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reason4j.core.metrics.AnalyzedResponse;
import dev.reason4j.core.provenance.RunManifest;
import dev.reason4j.recipes.HandSplit;
import dev.reason4j.recipes.PreferenceRecord;
import dev.reason4j.recipes.ProblemSamples;
import dev.reason4j.recipes.PromptRendering;
import dev.reason4j.recipes.SftRecord;
import dev.reason4j.recipes.StageProgress;
import dev.reason4j.recipes.StageResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The O1-Pruner data stage: weights z-scored over the data set, m samples per problem, the baselines. */
class PruneStageTest {

    @TempDir
    Path tmp;

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void should_write_z_scored_advantages_of_the_clipped_weights() throws Exception {
        // p: lengths 100, 200, 300, 400, the two short ones correct; q: 50 (correct) and 150 (wrong)
        List<AnalyzedResponse> lines = new ArrayList<>(List.of(single("p", 0, 100, true), single("p", 1, 200, true),
                single("p", 2, 300, false), single("p", 3, 400, false), single("q", 0, 50, true), single("q", 1, 150, false)));
        Path input = HandSplit.write(tmp.resolve("responses.jsonl"), lines);
        Path run = tmp.resolve("run");

        StageResult result = new PruneStage(PruneOptions.defaults(), PromptRendering.QUESTION).run(input, run, StageProgress.NONE);

        // q: L̄ = 100, Ā = 0.5: 100/50 − 1 + 1 = 2;  100/150 − 1 − 1 = −4/3
        double[] raw = {2.5, 1.25, -7.0 / 6, -1.375, 2, -4.0 / 3};
        List<JsonNode> written = Files.readAllLines(run.resolve("lh_weights.jsonl")).stream().map(this::json).toList();
        assertThat(written).hasSize(6);
        double mean = 0;
        for (double w : raw) {
            mean += w / raw.length;
        }
        double variance = 0;
        for (double w : raw) {
            variance += (w - mean) * (w - mean) / raw.length;
        }
        for (int i = 0; i < raw.length; i++) {
            assertThat(written.get(i).path("raw_weight").asDouble()).isCloseTo(raw[i], within(1e-12));
            assertThat(written.get(i).path("advantage").asDouble())
                    .isCloseTo((raw[i] - mean) / Math.sqrt(variance), within(1e-9));
        }
        assertThat(written.get(0).path("completion").asText()).isEqualTo("sample 0 of p: \\boxed{5}");
        assertThat(written.get(0).path("prompt").asText()).isEqualTo("Question p");
        assertThat(result.totals().get("weight_mean")).isCloseTo(mean, within(1e-12));
        assertThat(result.written()).containsEntry("lh_weights", 6L).containsEntry("sft_two_shortest", 3L)
                .containsEntry("dpo_shortest_longest", 2L);
        RunManifest manifest = RunManifest.fromJson(Files.readString(run.resolve("run.json")), "run.json");
        assertThat(manifest.command()).isEqualTo("prune-weights");
        assertThat(manifest.config()).containsEntry("lambda", 2.0).containsEntry("clip_low", -2.0);
        assertThat(manifest.seeds()).containsEntry("sample_draw", 0L);
    }

    @Test
    void should_keep_m_drawn_samples_per_problem() throws Exception {
        List<AnalyzedResponse> lines = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            lines.add(single("p", i, 100 + 10 * i, i % 2 == 0));
        }
        Path input = HandSplit.write(tmp.resolve("responses.jsonl"), lines);

        StageResult result = new PruneStage(new PruneOptions(2, -2, 4, 2, 9), PromptRendering.QUESTION).run(input, tmp.resolve("run"),
                StageProgress.NONE);

        assertThat(result.written()).containsEntry("lh_weights", 2L);
        List<String> sources = Files.readAllLines(tmp.resolve("run/lh_weights.jsonl")).stream()
                .map(l -> json(l).path("source").asText()).toList();
        assertThat(sources).containsExactlyElementsOf(
                SampleDraw.draw("p", 6, 2, 9).stream().map(i -> "p/sample" + i).toList());
    }

    @Test
    void should_build_the_sft_and_dpo_baselines_from_the_shortest_correct_samples() {
        ProblemSamples p = new ProblemSamples("p", "Question p", List.of(single("p", 0, 300, true),
                single("p", 1, 100, false), single("p", 2, 200, true), single("p", 3, 500, false),
                single("p", 4, 250, true)));

        List<SftRecord> sft = PruneBaselines.twoShortestCorrect(p, "P:");
        PreferenceRecord dpo = PruneBaselines.shortestOverLongest(p, "P:").orElseThrow();

        assertThat(sft).extracting(SftRecord::source).containsExactly("p/shortest-correct/sample2",
                "p/shortest-correct/sample4");
        assertThat(dpo.chosen()).isEqualTo("sample 2 of p: \\boxed{5}");
        assertThat(dpo.rejected()).isEqualTo("sample 3 of p: \\boxed{6}");
        assertThat(dpo.prompt()).isEqualTo("P:");
        assertThat(sft.get(0).prompt()).isEqualTo("P:");
        ProblemSamples lone = new ProblemSamples("l", "q", List.of(single("l", 0, 10, true)));
        assertThat(PruneBaselines.shortestOverLongest(lone, "P:")).as("chosen and longest are the same sample").isEmpty();
        ProblemSamples unsolved = new ProblemSamples("u", "q", List.of(single("u", 0, 10, false)));
        assertThat(PruneBaselines.twoShortestCorrect(unsolved, "P:")).isEmpty();
        assertThat(PruneBaselines.shortestOverLongest(unsolved, "P:")).isEmpty();
    }

    private JsonNode json(String line) {
        try {
            return mapper.readTree(line);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
