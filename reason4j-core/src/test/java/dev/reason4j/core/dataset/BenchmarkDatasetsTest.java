package dev.reason4j.core.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reason4j.core.provenance.Hashing;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class BenchmarkDatasetsTest {

    @ParameterizedTest(name = "{0}: {1} problems as {2}, {3} without a gold answer")
    @CsvSource({
        "gsm8k_test.jsonl, 1319, gsm8k, 0",
        "gsm8k_train.jsonl, 7473, gsm8k, 0",
        "math500_test.jsonl, 500, math, 0",
        "math_train7500_answers.jsonl, 7500, math_train, 2",
        "aime24_test.jsonl, 30, aime24, 0",
        "amc23_test.jsonl, 40, amc23, 0",
        "gaokao2023en_test.jsonl, 385, gaokao2023en, 2"
    })
    void should_load_every_benchmark_file_with_its_row_count(String name, int count, String format, int withoutAnswer)
            throws Exception {
        Path file = BenchmarkFiles.file(name);

        Dataset dataset = Datasets.load(file);

        assertThat(dataset.format()).isEqualTo(format);
        assertThat(dataset.size()).isEqualTo(count);
        assertThat(dataset.skipped()).isZero();
        assertThat(dataset.name()).isEqualTo(name.replace(".jsonl", ""));
        assertThat(dataset.source().sha256()).isEqualTo(Hashing.sha256(file));
        assertThat(dataset.source().size()).isEqualTo(Files.size(file));
        assertThat(dataset.problems()).allSatisfy(p -> assertThat(p.question()).isNotBlank());
        assertThat(dataset.problems()).filteredOn(p -> p.answer().isBlank()).hasSize(withoutAnswer);
        assertThat(dataset.problems()).extracting(Problem::id).doesNotHaveDuplicates();
    }

    @Test
    void should_take_gsm8k_answers_after_the_hashes_and_keep_the_solution() {
        Dataset test = Datasets.load(BenchmarkFiles.file("gsm8k_test.jsonl"));

        Problem first = test.problems().getFirst();
        assertThat(first.id()).isEqualTo("gsm8k_test-1");
        assertThat(first.question()).startsWith("Janet\u2019s ducks lay 16 eggs per day.");
        assertThat(first.answer()).isEqualTo("18");
        assertThat(first.meta()).containsOnlyKeys("solution");
        assertThat(first.meta().get("solution")).startsWith("Janet sells 16 - 3 - 4").endsWith("#### 18");

        Problem withThousands = test.problems().get(146); // line 147: "#### 2,125"
        assertThat(withThousands.id()).isEqualTo("gsm8k_test-147");
        assertThat(withThousands.question()).startsWith("Johnny is picking up the toys");
        assertThat(withThousands.answer()).isEqualTo("2125");
        assertThat(test.problems().getLast().answer()).isEqualTo("14");
        assertThat(test.problems()).allSatisfy(p -> assertThat(p.answer()).matches("-?\\d+(\\.\\d+)?"));
    }

    @Test
    void should_read_math500_with_its_unique_ids_and_meta() {
        Dataset math = Datasets.load(BenchmarkFiles.file("math500_test.jsonl"));

        Problem first = math.problems().getFirst();
        assertThat(first.id()).isEqualTo("test/precalculus/807.json");
        assertThat(first.question()).startsWith("Convert the point $(0,3)$ in rectangular coordinates");
        assertThat(first.answer()).isEqualTo("\\left( 3, \\frac{\\pi}{2} \\right)");
        assertThat(first.meta()).containsEntry("level", "2").containsEntry("subject", "Precalculus")
                .containsEntry("unique_id", "test/precalculus/807.json").containsKey("solution");
        assertThat(first.meta().get("solution")).contains("\\boxed{\\left( 3, \\frac{\\pi}{2} \\right)}");
        assertThat(math.problems().getLast().answer()).isEqualTo("106^\\circ");
    }

    @Test
    void should_generate_ids_for_math_train_whose_unique_ids_are_wrong() {
        Dataset train = Datasets.load(BenchmarkFiles.file("math_train7500_answers.jsonl"));

        Problem first = train.problems().getFirst();
        assertThat(first.id()).isEqualTo("math_train7500_answers-1");
        assertThat(first.question()).startsWith("Chandra has four bowls.");
        assertThat(first.answer()).isEqualTo("16");
        assertThat(first.meta()).isEqualTo(Map.of("level", "Level 2", "subject", "Prealgebra"));
        Problem last = train.problems().getLast();
        assertThat(last.id()).isEqualTo("math_train7500_answers-7500");
        assertThat(last.answer()).isEqualTo("9");
    }

    @Test
    void should_keep_aime_answers_as_given() {
        Dataset aime = Datasets.load(BenchmarkFiles.file("aime24_test.jsonl"));

        Problem first = aime.problems().getFirst();
        assertThat(first.id()).isEqualTo("60");
        assertThat(first.question()).startsWith("Every morning Aya goes for a $9$-kilometer-long walk");
        assertThat(first.answer()).isEqualTo("204");
        assertThat(first.meta()).containsKeys("solution", "url", "id").doesNotContainKey("question");
        assertThat(aime.problems().get(7).id()).isEqualTo("67");
        assertThat(aime.problems().get(7).answer()).isEqualTo("025");
        assertThat(aime.problems().getLast().answer()).isEqualTo("902");
    }

    @Test
    void should_print_amc_number_answers_without_a_fraction() {
        Dataset amc = Datasets.load(BenchmarkFiles.file("amc23_test.jsonl"));

        Problem first = amc.problems().getFirst();
        assertThat(first.id()).isEqualTo("0");
        assertThat(first.question()).startsWith("Cities $A$ and $B$ are $45$ miles apart.");
        assertThat(first.answer()).isEqualTo("27");
        assertThat(first.meta()).containsKey("url").doesNotContainKey("problem");
        assertThat(amc.problems().get(3).answer()).isEqualTo("3159");
        assertThat(amc.problems().get(15).answer()).isEqualTo("-1");
        assertThat(amc.problems()).allSatisfy(p -> assertThat(p.answer()).matches("-?\\d+"));
    }

    @Test
    void should_keep_gaokao_latex_answers_with_their_dollars() {
        Dataset gaokao = Datasets.load(BenchmarkFiles.file("gaokao2023en_test.jsonl"));

        Problem first = gaokao.problems().getFirst();
        assertThat(first.id()).isEqualTo("gaokao2023en_test-1");
        assertThat(first.question()).isEqualTo("Given sets $M=\\{x|x+2\\geq 0\\},N=\\{x|x-1<0\\}$, find $M \\cap N$.");
        assertThat(first.answer()).isEqualTo("$\\{x|-2\\leq x < 1\\}$");
        assertThat(first.meta()).containsEntry("lang", "en").containsEntry("source", "2023BJ_2023年新高考北京卷-数学/01Q.en");
        assertThat(gaokao.problems().get(8).answer()).isEqualTo("$48$, $384$");
        Problem last = gaokao.problems().getLast();
        assertThat(last.id()).isEqualTo("gaokao2023en_test-385");
        assertThat(last.answer()).isEqualTo("K");
        assertThat(last.meta()).containsEntry("id", "042023ACTZ18_58");
    }

    @Test
    void should_stream_a_big_file_and_hash_it_as_read() {
        Path file = BenchmarkFiles.file("gsm8k_train.jsonl");
        try (ProblemReader reader = Datasets.open(file, DatasetFormats.GSM8K, LoadOptions.strict())) {
            long count = reader.stream().filter(p -> p.answer().equals("72")).count();

            assertThat(count).isPositive();
            assertThat(reader.sha256()).isEqualTo(Hashing.sha256(file));
        }
    }
}
