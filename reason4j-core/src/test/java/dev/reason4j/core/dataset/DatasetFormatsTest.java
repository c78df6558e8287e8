package dev.reason4j.core.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DatasetFormatsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "gsm8k_test.jsonl, gsm8k",
        "data/GSM8K_platinum.jsonl, gsm8k",
        "math500_test.jsonl, math",
        "math_train7500_answers.jsonl, math_train",
        "aime24_test.jsonl, aime24",
        "amc23_test.jsonl, amc23",
        "gaokao2023en_test.jsonl, gaokao2023en"
    })
    void should_detect_benchmark_formats_from_file_names(String file, String format) {
        assertThat(DatasetFormats.detect(Path.of(file))).map(DatasetFormat::name).contains(format);
    }

    @ParameterizedTest
    @CsvSource({"mydata.jsonl", "math_test.jsonl", "gsm8k_test.json", "aime25_test.jsonl"})
    void should_not_guess_other_names(String file) {
        assertThat(DatasetFormats.detect(Path.of(file))).isEmpty();
        assertThatThrownBy(() -> DatasetFormats.forFile(Path.of(file)))
                .hasMessageStartingWith("cannot tell the dataset format of " + file + " from its name; name one of gsm8k, math,");
    }

    @Test
    void should_find_formats_by_name_and_list_the_known_ones_otherwise() {
        assertThat(DatasetFormats.byName(" GSM8K ")).isSameAs(DatasetFormats.GSM8K);
        assertThat(DatasetFormats.byName("json").container()).isEqualTo(Container.JSON_ARRAY);
        assertThat(DatasetFormats.names()).containsExactly("gsm8k", "math", "math_train", "aime24", "amc23", "gaokao2023en", "jsonl", "json");
        assertThatThrownBy(() -> DatasetFormats.byName("svamp"))
                .hasMessage("unknown dataset format 'svamp'; known: gsm8k, math, math_train, aime24, amc23, gaokao2023en, jsonl, json");
    }

    @Test
    void should_reject_a_format_whose_question_and_answer_are_one_field() {
        assertThatThrownBy(() -> DatasetFormat.jsonl("text", "text", null))
                .hasMessage("format jsonl: question and answer are both field 'text'");
    }
}
