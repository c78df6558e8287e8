package dev.reason4j.core.dataset;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The named dataset formats, and format detection from a file name.
 *
 * <table>
 * <caption>Named formats</caption>
 * <tr><th>name</th><th>files</th><th>question / answer / id</th></tr>
 * <tr><td>gsm8k</td><td>{@code gsm8k*.jsonl}</td><td>question / after {@code ####} in answer / generated</td></tr>
 * <tr><td>math</td><td>{@code math500*.jsonl}</td><td>problem / answer / unique_id</td></tr>
 * <tr><td>math_train</td><td>{@code math_train*.jsonl}</td><td>problem / answer / generated (its unique_id
 *     names MATH <em>test</em> files, so it is dropped)</td></tr>
 * <tr><td>aime24</td><td>{@code aime24*.jsonl}</td><td>problem / answer / id</td></tr>
 * <tr><td>amc23</td><td>{@code amc23*.jsonl}</td><td>question / answer (a number) / id</td></tr>
 * <tr><td>gaokao2023en</td><td>{@code gaokao2023en*.jsonl}</td><td>question / answer (LaTeX in {@code $…$}, kept)
 *     / generated (its id field is missing on most rows)</td></tr>
 * <tr><td>jsonl, json</td><td>any</td><td>question / answer / generated, unless other fields are named</td></tr>
 * </table>
 */
public final class DatasetFormats {

    /** GSM8K (openai/grade-school-math): the answer is the number after {@code ####}; ids are generated. */
    public static final DatasetFormat GSM8K = named("gsm8k", "question", "answer", null, AnswerRule.GSM8K_FINAL_LINE, Set.of());
    /** MATH / MATH500 (PRM800K split): {@code problem}, {@code answer}, id from {@code unique_id}. */
    public static final DatasetFormat MATH = named("math", "problem", "answer", "unique_id", AnswerRule.AS_GIVEN, Set.of());
    /** MATH train with answers: as {@link #MATH}, but ids are generated because its {@code unique_id} is wrong. */
    public static final DatasetFormat MATH_TRAIN =
            named("math_train", "problem", "answer", null, AnswerRule.AS_GIVEN, Set.of("unique_id"));
    /** AIME 2024 (Qwen2.5-Math copy): {@code question} duplicates {@code problem} and is left out of meta. */
    public static final DatasetFormat AIME24 = named("aime24", "problem", "answer", "id", AnswerRule.AS_GIVEN, Set.of("question"));
    /** AMC 2023 (Qwen2.5-Math copy): {@code problem} duplicates {@code question} and is left out of meta. */
    public static final DatasetFormat AMC23 = named("amc23", "question", "answer", "id", AnswerRule.AS_GIVEN, Set.of("problem"));
    /** GaoKao 2023 En (Qwen2.5-Math copy): LaTeX answers in {@code $…$} kept as given; ids are generated. */
    public static final DatasetFormat GAOKAO2023EN =
            named("gaokao2023en", "question", "answer", null, AnswerRule.AS_GIVEN, Set.of());
    /** Any JSONL with {@code question} and {@code answer} fields; name others with {@link DatasetFormat#jsonl}. */
    public static final DatasetFormat JSONL = DatasetFormat.jsonl("question", "answer", null);
    /** Any JSON array with {@code question} and {@code answer} fields; see {@link DatasetFormat#jsonArray}. */
    public static final DatasetFormat JSON = DatasetFormat.jsonArray("question", "answer", null);

    private static final Map<String, DatasetFormat> BY_NAME = new LinkedHashMap<>();

    /** File-name prefixes (lower case) of the named benchmark files, each tied to one format. */
    private static final Map<String, DatasetFormat> BY_FILE_PREFIX = new LinkedHashMap<>();

    static {
        for (DatasetFormat f : List.of(GSM8K, MATH, MATH_TRAIN, AIME24, AMC23, GAOKAO2023EN, JSONL, JSON)) {
            BY_NAME.put(f.name(), f);
        }
        BY_FILE_PREFIX.put("gsm8k", GSM8K);
        BY_FILE_PREFIX.put("math500", MATH);
        BY_FILE_PREFIX.put("math_train", MATH_TRAIN);
        BY_FILE_PREFIX.put("aime24", AIME24);
        BY_FILE_PREFIX.put("amc23", AMC23);
        BY_FILE_PREFIX.put("gaokao2023en", GAOKAO2023EN);
    }

    private DatasetFormats() {}

    /** The names {@link #byName} accepts, in a stable order. */
    public static List<String> names() {
        return List.copyOf(BY_NAME.keySet());
    }

    /**
     * The format called {@code name} (case-insensitive).
     *
     * @throws IllegalArgumentException listing the known names when there is none
     */
    public static DatasetFormat byName(String name) {
        DatasetFormat format = BY_NAME.get(name.strip().toLowerCase(Locale.ROOT));
        if (format == null) {
            throw new IllegalArgumentException("unknown dataset format '" + name + "'; known: " + String.join(", ", names()));
        }
        return format;
    }

    /**
     * The format of a benchmark file recognised by its name ({@code gsm8k_test.jsonl} → gsm8k), or empty when the
     * name does not tell. Only {@code .jsonl} files are recognised.
     */
    public static Optional<DatasetFormat> detect(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".jsonl")) {
            return Optional.empty();
        }
        List<DatasetFormat> matches = new ArrayList<>();
        BY_FILE_PREFIX.forEach((prefix, format) -> {
            if (name.startsWith(prefix)) {
                matches.add(format);
            }
        });
        return matches.size() == 1 ? Optional.of(matches.getFirst()) : Optional.empty();
    }

    /**
     * {@link #detect} or a clear error.
     *
     * @throws IllegalArgumentException when the name does not tell the format
     */
    public static DatasetFormat forFile(Path file) {
        return detect(file).orElseThrow(() -> new IllegalArgumentException("cannot tell the dataset format of " + file
                + " from its name; name one of " + String.join(", ", names())
                + " (jsonl and json read the fields question and answer unless told others)"));
    }

    private static DatasetFormat named(String name, String q, String a, String id, AnswerRule rule, Set<String> ignored) {
        return new DatasetFormat(
                name,
                Container.JSONL,
                FieldPath.parse(q),
                FieldPath.parse(a),
                id == null ? null : FieldPath.parse(id),
                rule,
                ignored);
    }
}
