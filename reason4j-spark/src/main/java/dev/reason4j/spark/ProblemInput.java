package dev.reason4j.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.trim;

import dev.reason4j.core.dataset.AnswerRule;
import dev.reason4j.core.dataset.Dataset;
import dev.reason4j.core.dataset.DatasetFormat;
import dev.reason4j.core.dataset.DatasetFormats;
import dev.reason4j.core.dataset.Datasets;
import dev.reason4j.core.dataset.Problem;
import dev.reason4j.core.provenance.InputFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructType;

/**
 * The problems of a job as rows of {@link ProblemRows#SCHEMA}, and the files they came from for {@code run.json}.
 *
 * <p>JSONL and JSON files (on the driver's file system) go through the same loader as {@code reason4j eval}, with
 * its format detection, ids ({@code <file stem>-<line>} where the file has no id field) and error messages naming
 * file, line and field; so a problem has the same id, hence the same seed and the same search, on Spark as in
 * {@code eval}. Parquet (a file or a directory, on any file system Spark reads) is read by the executors: the
 * format's question, answer and id columns (default {@code question}, {@code answer} and, when present,
 * {@code id}; else {@code <stem>-<row>} ids counted from 1), every other column as meta text.
 *
 * @param problems one row per problem, {@code ordinal} counting from 0 in input order
 * @param format the format's name
 * @param files the input files, hashed, when they are on the driver's file system
 */
record ProblemInput(org.apache.spark.sql.Dataset<Row> problems, String format, List<InputFile> files) {

    /**
     * Reads {@code input}.
     *
     * @param format a format name of {@link DatasetFormats}, or null to detect it from the file name
     * @param limit only the first {@code limit} problems; 0 for all
     */
    static ProblemInput read(SparkSession spark, String input, String format, int limit) {
        if (isParquet(input)) {
            return parquet(spark, input, format, limit);
        }
        Path file = Path.of(input);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("data " + input + ": no such file (JSONL and JSON are read on the "
                    + "driver; put problems on a cluster file system as Parquet)");
        }
        DatasetFormat fmt = format != null ? DatasetFormats.byName(format)
                : DatasetFormats.detect(file).orElse(input.endsWith(".json") ? DatasetFormats.JSON : DatasetFormats.JSONL);
        Dataset dataset = Datasets.load(file, fmt);
        List<Problem> chosen = limit > 0 && limit < dataset.size() ? dataset.problems().subList(0, limit) : dataset.problems();
        Set<String> ids = new HashSet<>();
        List<Row> rows = new ArrayList<>(chosen.size());
        for (int i = 0; i < chosen.size(); i++) {
            Problem p = chosen.get(i);
            if (!ids.add(p.id())) {
                throw new IllegalArgumentException(input + ": problem id '" + p.id() + "' appears twice");
            }
            rows.add(ProblemRows.row(i, p));
        }
        return new ProblemInput(spark.createDataFrame(rows, ProblemRows.SCHEMA), fmt.name(), List.of(dataset.source()));
    }

    private static boolean isParquet(String input) {
        String name = input.toLowerCase(Locale.ROOT);
        while (name.endsWith("/")) {
            name = name.substring(0, name.length() - 1);
        }
        return name.endsWith(".parquet") || (!name.contains(":") && Files.isDirectory(Path.of(input)));
    }

    private static ProblemInput parquet(SparkSession spark, String input, String format, int limit) {
        DatasetFormat fmt = format != null ? DatasetFormats.byName(format) : DatasetFormats.JSONL;
        if (fmt.answerRule() != AnswerRule.AS_GIVEN) {
            throw new IllegalArgumentException("format " + fmt.name() + " takes its answer out of a solution text, "
                    + "which is only done for JSONL; give Parquet with the final answer in its own column");
        }
        org.apache.spark.sql.Dataset<Row> raw = spark.read().parquet(input);
        Set<String> columns = Set.of(raw.columns());
        String question = topLevel(fmt.question().toString(), "question", input, columns);
        String answer = topLevel(fmt.answer().toString(), "answer", input, columns);
        String id = fmt.id() != null ? topLevel(fmt.id().toString(), "id", input, columns)
                : columns.contains("id") ? "id" : null;
        String stem = stem(input);
        List<String> metaColumns = Stream.of(raw.columns())
                .filter(c -> !c.equals(question) && !c.equals(answer) && !c.equals(id)
                        && !fmt.ignoredFields().contains(c))
                .toList();
        // rows in file order, numbered from 0; the number orders outputs and makes ids where the file has none
        org.apache.spark.sql.Dataset<Row> numbered = spark.createDataFrame(
                raw.javaRDD().zipWithIndex().map(t -> RowFactory.create(t._2(), t._1())),
                new StructType()
                        .add(ProblemRows.ORDINAL, DataTypes.LongType, false)
                        .add("row", raw.schema(), false));
        if (limit > 0) {
            numbered = numbered.where(col(ProblemRows.ORDINAL).lt(limit));
        }
        Column idColumn = id != null ? col("row." + id).cast(DataTypes.StringType)
                : org.apache.spark.sql.functions.concat(lit(stem + "-"), col(ProblemRows.ORDINAL).plus(1));
        Column[] meta = new Column[metaColumns.size() * 2];
        for (int i = 0; i < metaColumns.size(); i++) {
            meta[2 * i] = lit(metaColumns.get(i));
            meta[2 * i + 1] = asText(raw.schema().apply(metaColumns.get(i)), col("row." + metaColumns.get(i)));
        }
        org.apache.spark.sql.Dataset<Row> problems = numbered.select(
                col(ProblemRows.ORDINAL),
                idColumn.as(ProblemRows.ID),
                col("row." + question).cast(DataTypes.StringType).as(ProblemRows.QUESTION),
                col("row." + answer).cast(DataTypes.StringType).as(ProblemRows.ANSWER),
                org.apache.spark.sql.functions.map_filter(org.apache.spark.sql.functions.map(meta),
                        (k, v) -> v.isNotNull()).cast(ProblemRows.SCHEMA.apply(ProblemRows.META).dataType())
                        .as(ProblemRows.META));
        checkRows(problems, input, question, answer);
        return new ProblemInput(problems, fmt.name() + "-parquet", localFiles(input));
    }

    /** A meta value as text: scalars cast, structs, arrays and maps as compact JSON (as the JSONL reader does). */
    private static Column asText(StructField field, Column value) {
        DataType type = field.dataType();
        return type instanceof StructType || type instanceof ArrayType || type instanceof MapType
                ? org.apache.spark.sql.functions.to_json(value)
                : value.cast(DataTypes.StringType);
    }

    private static String topLevel(String field, String role, String input, Set<String> columns) {
        if (field.contains(".")) {
            throw new IllegalArgumentException(input + ": the " + role + " field '" + field + "' is nested; Parquet "
                    + "input reads top-level columns only");
        }
        if (!columns.contains(field)) {
            throw new IllegalArgumentException(input + ": no column '" + field + "' for the " + role + " (columns: "
                    + String.join(", ", columns.stream().sorted().toList()) + ")");
        }
        return field;
    }

    /** Refuses a missing question or answer and repeated ids, naming the first offending row. */
    private static void checkRows(org.apache.spark.sql.Dataset<Row> problems, String input, String question,
            String answer) {
        Row bad = problems.where(col(ProblemRows.QUESTION).isNull().or(trim(col(ProblemRows.QUESTION)).equalTo(""))
                        .or(col(ProblemRows.ANSWER).isNull()).or(col(ProblemRows.ID).isNull()))
                .orderBy(ProblemRows.ORDINAL).limit(1).collectAsList().stream().findFirst().orElse(null);
        if (bad != null) {
            long row = bad.getLong(0) + 1;
            String field = bad.isNullAt(1) ? "id" : bad.isNullAt(3) ? answer : question;
            throw new IllegalArgumentException(input + ": row " + row + ", column '" + field + "': "
                    + (bad.isNullAt(1) || bad.isNullAt(3) ? "missing" : "blank"));
        }
        List<Row> repeated = problems.groupBy(ProblemRows.ID).count().where(col("count").gt(1)).limit(1).collectAsList();
        if (!repeated.isEmpty()) {
            throw new IllegalArgumentException(input + ": problem id '" + repeated.get(0).getString(0) + "' appears "
                    + repeated.get(0).getLong(1) + " times");
        }
    }

    private static String stem(String input) {
        String name = input.replaceAll("/+$", "");
        name = name.substring(name.lastIndexOf('/') + 1);
        return name.toLowerCase(Locale.ROOT).endsWith(".parquet") ? name.substring(0, name.length() - 8) : name;
    }

    /** The Parquet files of a local input, hashed; none for other file systems (the path is in the config). */
    private static List<InputFile> localFiles(String input) {
        Path path = Path.of(input.startsWith("file:") ? input.substring(5) : input);
        if (input.contains(":") && !input.startsWith("file:") || !Files.exists(path)) {
            return List.of();
        }
        if (Files.isRegularFile(path)) {
            return List.of(InputFile.of(path));
        }
        try (Stream<Path> files = Files.walk(path)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".parquet") && Files.isRegularFile(f))
                    .sorted().map(InputFile::of).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + input, e);
        }
    }

}
