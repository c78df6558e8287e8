package dev.reason4j.recipes.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reason4j.recipes.AdvantageRecord;
import dev.reason4j.recipes.DataSetKind;
import dev.reason4j.recipes.PreferenceRecord;
import dev.reason4j.recipes.RecipeInputException;
import dev.reason4j.recipes.SftRecord;
import dev.reason4j.recipes.StepPairsRecord;
import dev.reason4j.recipes.TrainingRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exports read back through the field names the tools document: TRL's dataset formats (prompt–completion,
 * preference with explicit prompt, conversational {@code messages}) and LLaMA-Factory's alpaca layout resolved
 * through {@code dataset_info.json} ({@code columns}, {@code ranking}).
 */
class DataSetExportTest {

    @TempDir
    Path tmp;

    private final ObjectMapper mapper = new ObjectMapper();
    private final DataSetExport export = new DataSetExport();

    private static final SftRecord SFT = new SftRecord("p1", "What is 2+3?", "Q: What is 2+3?\nA:", " 2+3=5, \\boxed{5}",
            "p1/tree0/node3");
    private static final PreferenceRecord PAIR = new PreferenceRecord("p1", "What is 2+3?", "What is 2+3?", "5",
            "Let me think again... 5", "p1/fcs/sample1-vs-sample2");
    private static final StepPairsRecord STEPS = new StepPairsRecord("p1", "What is 2+3?", "P:", List.of("s1|", "s2|"),
            List.of("good1", "good2"), List.of("bad1", "bad2"), List.of(0.9, 0.5), List.of(-1.0, -0.5), false,
            "p1/tree0/node2");
    private static final AdvantageRecord LH = new AdvantageRecord("p1", "What is 2+3?", "What is 2+3?", "5", 1.3, 2.5,
            "p1/sample0");

    private Path dataSet(String name, TrainingRecord... records) throws IOException {
        List<String> lines = new ArrayList<>();
        for (TrainingRecord r : records) {
            lines.add(mapper.writeValueAsString(r.toJson(mapper)));
        }
        return Files.write(tmp.resolve(name + ".jsonl"), lines);
    }

    private List<JsonNode> rows(Path file) throws IOException {
        List<JsonNode> rows = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            rows.add(mapper.readTree(line));
        }
        return rows;
    }

    @Test
    void should_write_sft_as_trl_prompt_completion_and_messages() throws Exception {
        Path out = tmp.resolve("trl");

        List<DataSetExport.Exported> files = export.export(dataSet("policy_sft", SFT), ExportFormat.TRL, out);

        assertThat(files).extracting(DataSetExport.Exported::file)
                .containsExactly(out.resolve("policy_sft.jsonl"), out.resolve("policy_sft.messages.jsonl"));
        JsonNode standard = rows(out.resolve("policy_sft.jsonl")).get(0);
        assertThat(standard.path("prompt").asText()).isEqualTo(SFT.prompt());
        assertThat(standard.path("completion").asText()).isEqualTo(SFT.completion());
        assertThat(standard.path("prompt").asText() + standard.path("completion").asText())
                .isEqualTo("Q: What is 2+3?\nA: 2+3=5, \\boxed{5}");
        JsonNode messages = rows(out.resolve("policy_sft.messages.jsonl")).get(0).path("messages");
        assertThat(messages).hasSize(2);
        assertThat(messages.get(0).path("role").asText()).isEqualTo("user");
        assertThat(messages.get(0).path("content").asText()).isEqualTo("What is 2+3?");
        assertThat(messages.get(1).path("role").asText()).isEqualTo("assistant");
        assertThat(messages.get(1).path("content").asText()).isEqualTo(SFT.completion());
    }

    @Test
    void should_write_preferences_and_flattened_step_pairs_in_trl_preference_layouts() throws Exception {
        Path out = tmp.resolve("trl");

        export.export(dataSet("pairs_fcs", PAIR), ExportFormat.TRL, out);
        List<DataSetExport.Exported> ppm = export.export(dataSet("ppm_pairs", STEPS), ExportFormat.TRL, out);

        JsonNode pair = rows(out.resolve("pairs_fcs.jsonl")).get(0);
        assertThat(pair.path("prompt").asText()).isEqualTo("What is 2+3?");
        assertThat(pair.path("chosen").asText()).isEqualTo("5");
        assertThat(pair.path("rejected").asText()).isEqualTo("Let me think again... 5");
        JsonNode conversational = rows(out.resolve("pairs_fcs.messages.jsonl")).get(0);
        assertThat(conversational.path("prompt").get(0).path("role").asText()).isEqualTo("user");
        assertThat(conversational.path("chosen").get(0).path("role").asText()).isEqualTo("assistant");
        assertThat(conversational.path("rejected").get(0).path("content").asText()).isEqualTo("Let me think again... 5");

        assertThat(ppm).extracting(DataSetExport.Exported::rows).containsExactly(4L, 4L);
        assertThat(rows(out.resolve("ppm_pairs.jsonl")))
                .extracting(r -> r.path("chosen").asText() + " > " + r.path("rejected").asText())
                .containsExactly("s1|s2|good1 > s1|s2|bad1", "s1|s2|good1 > s1|s2|bad2",
                        "s1|s2|good2 > s1|s2|bad1", "s1|s2|good2 > s1|s2|bad2");
        assertThat(rows(out.resolve("ppm_pairs.jsonl"))).allSatisfy(r -> assertThat(r.path("prompt").asText()).isEqualTo("P:"));
    }

    @Test
    void should_register_llama_factory_data_sets_and_resolve_their_columns_like_the_tool() throws Exception {
        Path out = tmp.resolve("lf");
        Files.createDirectories(out);
        Files.writeString(out.resolve("dataset_info.json"), "{\"mine\": {\"file_name\": \"mine.json\"}}");

        export.export(dataSet("policy_sft", SFT), ExportFormat.LLAMA_FACTORY, out);
        export.export(dataSet("pairs_fcs", PAIR), ExportFormat.LLAMA_FACTORY, out);
        export.export(dataSet("ppm_pairs", STEPS), ExportFormat.LLAMA_FACTORY, out);
        export.export(dataSet("lh_weights", LH), ExportFormat.LLAMA_FACTORY, out);

        JsonNode info = mapper.readTree(out.resolve("dataset_info.json").toFile());
        assertThat(info.fieldNames()).toIterable().containsExactly("mine", "policy_sft", "pairs_fcs", "ppm_pairs", "lh_weights");
        Alpaca sft = Alpaca.read(out, info.path("policy_sft"), mapper).get(0);
        assertThat(sft.ranking).isFalse();
        assertThat(sft.human).isEqualTo("What is 2+3?");
        assertThat(sft.response).isEqualTo(SFT.completion());
        assertThat(sft.row.path("weight").asDouble()).isEqualTo(1.0);
        Alpaca pair = Alpaca.read(out, info.path("pairs_fcs"), mapper).get(0);
        assertThat(pair.ranking).isTrue();
        assertThat(pair.chosen).isEqualTo("5");
        assertThat(pair.rejected).isEqualTo("Let me think again... 5");
        List<Alpaca> steps = Alpaca.read(out, info.path("ppm_pairs"), mapper);
        assertThat(steps).hasSize(4);
        assertThat(steps.get(3).human).isEqualTo("What is 2+3?");
        assertThat(steps.get(3).chosen).isEqualTo("s1|s2|good2");
        Alpaca lh = Alpaca.read(out, info.path("lh_weights"), mapper).get(0);
        assertThat(lh.response).isEqualTo("5");
        assertThat(lh.row.path("weight").asDouble()).isEqualTo(1.3);
    }

    @Test
    void should_carry_the_advantage_into_trl_rows() throws Exception {
        Path out = tmp.resolve("trl");

        export.export(dataSet("lh_weights", LH), ExportFormat.TRL, out);

        JsonNode row = rows(out.resolve("lh_weights.jsonl")).get(0);
        assertThat(row.path("completion").asText()).isEqualTo("5");
        assertThat(row.path("advantage").asDouble()).isEqualTo(1.3);
        assertThat(rows(out.resolve("lh_weights.messages.jsonl")).get(0).path("advantage").asDouble()).isEqualTo(1.3);
    }

    @Test
    void should_write_nothing_for_an_empty_data_set_and_refuse_a_mixed_one() throws Exception {
        Path empty = Files.writeString(tmp.resolve("pairs_gds.jsonl"), "");
        assertThat(export.export(empty, ExportFormat.LLAMA_FACTORY, tmp.resolve("lf"))).isEmpty();
        assertThat(tmp.resolve("lf/dataset_info.json")).doesNotExist();

        Path mixed = dataSet("mixed", SFT, PAIR);
        assertThatThrownBy(() -> export.export(mixed, ExportFormat.TRL, tmp.resolve("trl")))
                .isInstanceOf(RecipeInputException.class)
                .hasMessage(mixed + " line 2: a preference record in a data set of sft records; a data set holds one kind");
        assertThat(tmp.resolve("trl/mixed.jsonl")).doesNotExist();

        Path notRecords = Files.writeString(tmp.resolve("x.jsonl"), "{\"problem_id\":\"p\"}\n");
        assertThatThrownBy(() -> export.export(notRecords, ExportFormat.TRL, tmp.resolve("trl")))
                .hasMessageStartingWith(notRecords + " line 1, field 'completion': missing: not a training record");
    }

    @Test
    void should_read_the_records_it_writes() throws Exception {
        for (TrainingRecord r : List.of(SFT, PAIR, STEPS, LH)) {
            Path file = dataSet("one", r);
            TrainingRecord back = TrainingRecord.read(dev.reason4j.recipes.InputRecord.readAll(file).get(0).fields());
            assertThat(back).isEqualTo(r);
        }
        assertThat(DataSetKind.STEP_PAIRS.wireName()).isEqualTo("step_pairs");
    }

    @Test
    void should_name_formats_as_the_cli_does() {
        assertThat(ExportFormat.byName("llamafactory")).isEqualTo(ExportFormat.LLAMA_FACTORY);
        assertThat(ExportFormat.byName("LLaMA-Factory")).isEqualTo(ExportFormat.LLAMA_FACTORY);
        assertThat(ExportFormat.byName("trl")).isEqualTo(ExportFormat.TRL);
        assertThatThrownBy(() -> ExportFormat.byName("axolotl"))
                .hasMessage("unknown export format 'axolotl'; use trl or llamafactory");
    }

    /** A row as LLaMA-Factory's alpaca converter sees it, through the data set's {@code columns}. */
    private static final class Alpaca {
        JsonNode row;
        boolean ranking;
        String human;
        String response;
        String chosen;
        String rejected;

        static List<Alpaca> read(Path dir, JsonNode entry, ObjectMapper mapper) throws IOException {
            JsonNode columns = entry.path("columns");
            assertThat(entry.path("formatting").asText("alpaca")).isEqualTo("alpaca");
            List<Alpaca> rows = new ArrayList<>();
            for (String line : Files.readAllLines(dir.resolve(entry.path("file_name").asText()))) {
                Alpaca a = new Alpaca();
                a.row = mapper.readTree(line);
                a.ranking = entry.path("ranking").asBoolean(false);
                String prompt = a.row.path(columns.path("prompt").asText("instruction")).asText();
                String query = a.row.path(columns.path("query").asText("input")).asText("");
                a.human = query.isEmpty() ? prompt : prompt + "\n" + query; // "instruction\ninput"
                if (a.ranking) {
                    a.chosen = a.row.path(columns.path("chosen").asText()).asText(null);
                    a.rejected = a.row.path(columns.path("rejected").asText()).asText(null);
                } else {
                    a.response = a.row.path(columns.path("response").asText("output")).asText(null);
                }
                rows.add(a);
            }
            return rows;
        }
    }
}
