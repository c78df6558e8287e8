package dev.reason4j.recipes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reason4j.lm.LmFixtures;
import dev.reason4j.lm.Tokenizer;
import dev.reason4j.lm.hf.HfTokenizer;
import dev.reason4j.lm.train.AdvantageExample;
import dev.reason4j.lm.train.Objective;
import dev.reason4j.lm.train.PreferenceExample;
import dev.reason4j.lm.train.SequenceExample;
import dev.reason4j.lm.train.StepPairsExample;
import dev.reason4j.lm.train.data.DataOptions;
import dev.reason4j.lm.train.data.TrainingData;
import dev.reason4j.lm.train.data.TrainingDataReader;
import dev.reason4j.recipes.export.DataSetExport;
import dev.reason4j.recipes.export.ExportFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The recipes' data sets, as written and as exported, load through the training readers of
 * {@code dev.reason4j.lm.train.data} into the examples each objective trains on, with a fixture model's tokenizer.
 */
class TrainingReadersContractTest {

    private static Tokenizer tokenizer;

    @TempDir
    Path tmp;

    private final ObjectMapper mapper = new ObjectMapper();

    @BeforeAll
    static void load() {
        tokenizer = HfTokenizer.load(LmFixtures.checkpoint(LmFixtures.QWEN2_F32));
    }

    @AfterAll
    static void close() {
        tokenizer.close();
    }

    private Path write(String name, TrainingRecord... records) throws Exception {
        List<String> lines = new ArrayList<>();
        for (TrainingRecord r : records) {
            lines.add(mapper.writeValueAsString(r.toJson(mapper)));
        }
        return Files.write(tmp.resolve(name + ".jsonl"), lines);
    }

    private TrainingData read(Path file, Objective objective) {
        return TrainingDataReader.read(file, tokenizer, objective, DataOptions.defaults());
    }

    @Test
    void should_load_policy_sft_and_short_targets_as_sft_examples() throws Exception {
        Path file = write("policy_sft", new SftRecord("p", "2+3?", "Q: 2+3?\n", "2+3=5 \\boxed{5}\n\n", "p/tree0/node3"));

        TrainingData direct = read(file, Objective.SFT);
        Path out = tmp.resolve("trl");
        new DataSetExport().export(file, ExportFormat.TRL, out);
        TrainingData messages = read(out.resolve("policy_sft.messages.jsonl"), Objective.SFT);

        assertThat(direct.examples()).singleElement().isInstanceOfSatisfying(SequenceExample.class,
                e -> assertThat(tokenizer.decode(e.prompt())).isEqualTo("Q: 2+3?\n"));
        assertThat(messages.examples()).singleElement().isInstanceOf(SequenceExample.class);
    }

    @Test
    void should_load_preference_pairs_for_dpo_natively_and_from_llama_factory() throws Exception {
        Path file = write("pairs_fcs", new PreferenceRecord("p", "2+3?", "2+3?", " 5", " let me check... 5", "s"));

        Path out = tmp.resolve("lf");
        new DataSetExport().export(file, ExportFormat.LLAMA_FACTORY, out);

        assertThat(read(file, Objective.DPO).examples()).singleElement().isInstanceOf(PreferenceExample.class);
        assertThat(read(out.resolve("pairs_fcs.jsonl"), Objective.SIMPO).examples()).singleElement()
                .isInstanceOf(PreferenceExample.class);
    }

    @Test
    void should_load_ppm_pairs_with_every_positive_and_negative_after_the_shared_prefix() throws Exception {
        Path file = write("ppm_pairs", new StepPairsRecord("p", "2+3*4?", "Q: 2+3*4?\n", List.of("3*4=12\n"),
                List.of("2+12=14\n", "so 14\n"), List.of("2+12=15\n"), List.of(0.9, 0.5), List.of(-1.0), false, "s"));

        TrainingData data = read(file, Objective.PPM);

        assertThat(data.examples()).singleElement().isInstanceOfSatisfying(StepPairsExample.class, e -> {
            assertThat(tokenizer.decode(e.prefix())).isEqualTo("Q: 2+3*4?\n3*4=12\n");
            assertThat(e.positives()).hasSize(2);
            assertThat(e.negatives()).hasSize(1);
        });
    }

    @Test
    void should_load_length_harmonizing_samples_with_their_advantage() throws Exception {
        Path file = write("lh_weights", new AdvantageRecord("p", "2+3?", "2+3?", " 5", -0.75, 1.25, "p/sample0"));
        Path out = tmp.resolve("lf");
        new DataSetExport().export(file, ExportFormat.LLAMA_FACTORY, out);

        assertThat(read(file, Objective.LH).examples()).singleElement().isInstanceOfSatisfying(AdvantageExample.class,
                e -> assertThat(e.advantage()).isEqualTo(-0.75));
        assertThat(read(out.resolve("lh_weights.jsonl"), Objective.LH).examples()).singleElement()
                .isInstanceOfSatisfying(AdvantageExample.class, e -> assertThat(e.advantage()).isEqualTo(-0.75));
    }
}
