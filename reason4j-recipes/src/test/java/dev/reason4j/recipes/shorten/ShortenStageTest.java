package dev.reason4j.recipes.shorten;

import static dev.reason4j.recipes.HandSplit.response;
import static dev.reason4j.recipes.HandSplit.round;
import static dev.reason4j.recipes.HandSplit.single;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reason4j.core.metrics.AnalyzedResponse;
import dev.reason4j.core.provenance.RunManifest;
import dev.reason4j.recipes.HandSplit;
import dev.reason4j.recipes.PreferenceRecord;
import dev.reason4j.recipes.ProblemSamples;
import dev.reason4j.recipes.PromptRendering;
import dev.reason4j.recipes.RecipeInputException;
import dev.reason4j.recipes.SftRecord;
import dev.reason4j.recipes.StageProgress;
import dev.reason4j.recipes.StageResult;
import dev.reason4j.recipes.UnitResult;
import dev.reason4j.search.protocol.PromptTemplate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Targets chosen among a problem's samples, pairs against the longest, and the stage's files. */
class ShortenStageTest {

    @TempDir
    Path tmp;

    private final ShortenStage stage = new ShortenStage(PromptRendering.QUESTION);

    /**
     * Sample 0: wrong then right (FCS 30 tokens, the shortest correct response); sample 1: right at once, then three
     * checks (FCS 12, FCS+R 26, 60 in all); sample 2: the longest, wrong.
     */
    private static ProblemSamples problem() {
        AnalyzedResponse s0 = response("p", 0,
                round("6? \\boxed{6}\n\n", 10, "6", false, 0, true, false),
                round("no, 5 \\boxed{5}", 20, "5", true, 0, false, false));
        AnalyzedResponse s1 = response("p", 1,
                round("5 \\boxed{5}\n\n", 12, "5", true, 0, true, false),
                round("Wait, 5 \\boxed{5}\n\n", 14, "5", true, 0, false, true),
                round("Alternatively, 5 \\boxed{5}\n\n", 16, "5", true, 1, true, true),
                round("Check: 5 \\boxed{5}", 18, "5", true, 0, false, true));
        AnalyzedResponse s2 = single("p", 2, 200, false);
        return new ProblemSamples("p", "Question p", List.of(s0, s1, s2));
    }

    @Test
    void should_take_the_shortest_target_of_each_kind_and_pair_it_with_the_longest_response() {
        UnitResult result = stage.extract(problem());

        assertThat(texts(result, "sft_fcs")).containsExactly("5 \\boxed{5}\n\n");
        assertThat(texts(result, "sft_fcs_reflection")).containsExactly("5 \\boxed{5}\n\nWait, 5 \\boxed{5}\n\n");
        assertThat(texts(result, "sft_gds")).as("sample 1's second round repeats itself").containsExactly("5 \\boxed{5}\n\n");
        assertThat(texts(result, "sft_shortest")).containsExactly("6? \\boxed{6}\n\nno, 5 \\boxed{5}");
        PreferenceRecord pair = (PreferenceRecord) result.dataSets().get("pairs_fcs").get(0);
        assertThat(pair.chosen()).isEqualTo("5 \\boxed{5}\n\n");
        assertThat(pair.rejected()).isEqualTo("sample 2 of p: \\boxed{6}");
        assertThat(pair.prompt()).isEqualTo("Question p");
        assertThat(pair.source()).isEqualTo("p/fcs/sample1-vs-sample2");
        assertThat(result.stats().path("fcs_tokens").asLong()).isEqualTo(12);
        assertThat(result.stats().path("fcs_reflection_tokens").asLong()).isEqualTo(26);
        assertThat(result.stats().path("longest_tokens").asLong()).isEqualTo(200);
        assertThat(result.stats().path("correct_samples").asLong()).isEqualTo(2);
    }

    @Test
    void should_make_no_pair_when_the_target_is_the_longest_response_itself() {
        ProblemSamples one = new ProblemSamples("q", "Question q", List.of(single("q", 0, 40, true)));

        UnitResult result = stage.extract(one);

        assertThat(result.dataSets().get("sft_fcs")).hasSize(1);
        assertThat(result.dataSets().get("pairs_fcs")).isEmpty();
        assertThat(result.stats().path("fcs_pairs").asInt()).isZero();
    }

    @Test
    void should_make_nothing_for_a_problem_never_solved() {
        ProblemSamples wrong = new ProblemSamples("w", "Question w",
                List.of(single("w", 0, 40, false), single("w", 1, 80, false)));

        UnitResult result = stage.extract(wrong);

        assertThat(result.dataSets().values()).allSatisfy(records -> assertThat(records).isEmpty());
        assertThat(result.stats().path("gds_targets").asBoolean()).isFalse();
    }

    @Test
    void should_run_on_an_analysis_file_grouping_samples_by_problem() throws Exception {
        List<AnalyzedResponse> lines = new ArrayList<>(problem().samples());
        lines.add(single("q", 0, 40, true));
        lines.add(single("q", 1, 90, true));
        Path input = HandSplit.write(tmp.resolve("responses.jsonl"), lines);
        Path run = tmp.resolve("run");

        StageResult result = stage.run(input, run, StageProgress.NONE);

        assertThat(result.counts().total()).isEqualTo(2);
        assertThat(result.written()).containsEntry("sft_fcs", 2L).containsEntry("pairs_fcs", 2L)
                .containsEntry("pairs_shortest", 2L);
        assertThat(Files.readAllLines(run.resolve("pairs_shortest.jsonl")).get(1))
                .contains("\"chosen\":\"sample 0 of q: \\\\boxed{5}\"", "\"rejected\":\"sample 1 of q: \\\\boxed{5}\"");
        assertThat(result.totals()).containsEntry("samples", 5.0).containsEntry("fcs_tokens", 52.0);
        assertThat(ShortenStage.dataSets()).hasSize(8).startsWith("sft_fcs", "pairs_fcs");
    }

    @Test
    void should_give_records_the_prompt_the_samples_were_drawn_with() throws Exception {
        PromptRendering template = PromptRendering.of(PromptTemplate.text("Q: {question}\nA:"), Optional.empty());
        Path input = HandSplit.write(tmp.resolve("responses.jsonl"), problem().samples());
        Path run = tmp.resolve("run");

        new ShortenStage(template).run(input, run, StageProgress.NONE);

        assertThat(Files.readAllLines(run.resolve("sft_fcs.jsonl")).get(0))
                .contains("\"question\":\"Question p\"", "\"prompt\":\"Q: Question p\\nA:\"");
        assertThat(RunManifest.fromJson(Files.readString(run.resolve("run.json")), "run.json")
                .config()).containsEntry("prompt", "Text[template=Q: {question}\nA:]");
    }

    @Test
    void should_name_the_line_of_a_record_that_is_not_an_analysed_response() throws Exception {
        Path input = tmp.resolve("responses.jsonl");
        Files.writeString(input, "{\"issue\":\"empty_response\",\"line\":1,\"message\":\"empty\"}\n{\"problem\":\"x\"}\n");

        assertThatThrownBy(() -> ProblemSamples.read(input))
                .isInstanceOf(RecipeInputException.class)
                .hasMessageStartingWith(input + " line 2: not an analysed response (analysis record without 'split_solutions')");
    }

    private static List<String> texts(UnitResult result, String dataSet) {
        return result.dataSets().get(dataSet).stream().map(r -> ((SftRecord) r).completion()).toList();
    }
}
