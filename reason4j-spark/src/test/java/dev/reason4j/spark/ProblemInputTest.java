package dev.reason4j.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reason4j.core.dataset.DatasetException;
import dev.reason4j.core.dataset.DatasetFormats;
import dev.reason4j.core.dataset.Datasets;
import dev.reason4j.core.dataset.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Problems read for a Spark job: JSONL through eval's loader, Parquet by the executors, and their errors. */
class ProblemInputTest {

    private static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = LocalSpark.start("local[1]");
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void should_give_jsonl_problems_the_ids_and_fields_eval_gives_them(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("arith.jsonl");
        Files.writeString(file, """
                {"question": "What is 2+3?", "answer": 5, "level": 2}
                {"question": "What is 7*6?", "answer": "42"}
                {"question": "What is 9-4?", "answer": "5"}
                """);

        ProblemInput input = ProblemInput.read(spark, file.toString(), null, 2);

        List<Problem> expected = Datasets.load(file, DatasetFormats.JSONL).problems().subList(0, 2);
        List<Row> rows = input.problems().orderBy(ProblemRows.ORDINAL).collectAsList();
        assertThat(rows.stream().map(ProblemRows::problem).toList()).isEqualTo(expected);
        assertThat(rows.stream().map(ProblemRows::ordinal).toList()).containsExactly(0L, 1L);
        assertThat(input.format()).isEqualTo("jsonl");
        assertThat(input.files()).singleElement().satisfies(f -> assertThat(f.sha256()).hasSize(64));
    }

    @Test
    void should_name_file_line_and_field_of_a_bad_jsonl_record(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.jsonl");
        Files.writeString(file, "{\"question\": \"What is 1+1?\", \"answer\": \"2\"}\n{\"answer\": \"3\"}\n");

        assertThatThrownBy(() -> ProblemInput.read(spark, file.toString(), null, 0))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("bad.jsonl")
                .hasMessageContaining("line 2")
                .hasMessageContaining("question");
    }

    @Test
    void should_read_parquet_columns_with_meta_and_generated_ids(@TempDir Path dir) {
        Path parquet = dir.resolve("train.parquet");
        spark.read().json(spark.createDataset(List.of(
                        "{\"question\": \"What is 2+3?\", \"answer\": 5, \"level\": 2, \"tags\": [\"add\"]}",
                        "{\"question\": \"What is 7*6?\", \"answer\": \"42\", \"level\": 3, \"tags\": []}"),
                Encoders.STRING()))
                .coalesce(1).write().parquet(parquet.toString());

        ProblemInput input = ProblemInput.read(spark, parquet.toString(), null, 0);

        List<Problem> problems = input.problems().orderBy(ProblemRows.ORDINAL).collectAsList().stream()
                .map(ProblemRows::problem).toList();
        assertThat(problems).extracting(Problem::id).containsExactly("train-1", "train-2");
        assertThat(problems).extracting(Problem::answer).containsExactly("5", "42");
        assertThat(problems.get(0).meta()).containsEntry("level", "2").containsEntry("tags", "[\"add\"]");
        assertThat(input.files()).isNotEmpty();
    }

    @Test
    void should_refuse_parquet_with_a_missing_column_or_a_repeated_id(@TempDir Path dir) {
        Path noAnswer = dir.resolve("no-answer.parquet");
        spark.read().json(spark.createDataset(List.of("{\"question\": \"What is 1+1?\"}"), Encoders.STRING()))
                .write().parquet(noAnswer.toString());
        assertThatThrownBy(() -> ProblemInput.read(spark, noAnswer.toString(), null, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no-answer.parquet")
                .hasMessageContaining("no column 'answer'");

        Path twice = dir.resolve("twice.parquet");
        spark.read().json(spark.createDataset(List.of(
                        "{\"id\": \"p1\", \"question\": \"What is 1+1?\", \"answer\": \"2\"}",
                        "{\"id\": \"p1\", \"question\": \"What is 2+2?\", \"answer\": \"4\"}"), Encoders.STRING()))
                .write().parquet(twice.toString());
        assertThatThrownBy(() -> ProblemInput.read(spark, twice.toString(), null, 0))
                .hasMessageContaining("problem id 'p1' appears 2 times");

        Path blank = dir.resolve("blank.parquet");
        spark.read().json(spark.createDataset(List.of(
                        "{\"question\": \"What is 1+1?\", \"answer\": \"2\"}",
                        "{\"question\": \"  \", \"answer\": \"4\"}"), Encoders.STRING()))
                .coalesce(1).write().parquet(blank.toString());
        assertThatThrownBy(() -> ProblemInput.read(spark, blank.toString(), null, 0))
                .hasMessageContaining("row 2, column 'question': blank");
    }
}
