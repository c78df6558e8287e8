package dev.reason4j.core.dataset;

import java.util.Objects;
import java.util.Set;

/**
 * How to read problems from a file: its layout, where question, answer and id are, and how the answer is taken.
 * Named formats for the public benchmarks are in {@link DatasetFormats}; any other JSONL file or JSON array is
 * read with {@link #jsonl} or {@link #jsonArray} and user-named fields.
 *
 * <p>Every top-level field other than the question and answer fields (and {@code ignoredFields}) becomes a
 * {@link Problem#meta()} entry, numbers and booleans as text, objects and arrays as compact JSON.
 *
 * @param name the format's name, e.g. {@code gsm8k}
 * @param container JSONL or one JSON array
 * @param question where the question text is; it must be a non-blank string
 * @param answer where the gold answer is: a string, number, boolean or list of these (joined as {@code a, b})
 * @param id where the problem id is (string or integer, unique in the file), or {@code null} to generate
 *     {@code <file stem>-<position>} ids from the line number (JSONL) or element index (JSON array)
 * @param answerRule how the answer is taken from the answer field's text
 * @param ignoredFields top-level fields left out of meta (duplicates of the question, ids known to be wrong)
 */
public record DatasetFormat(
        String name,
        Container container,
        FieldPath question,
        FieldPath answer,
        FieldPath id,
        AnswerRule answerRule,
        Set<String> ignoredFields) {

    public DatasetFormat {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(container, "container");
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(answer, "answer");
        Objects.requireNonNull(answerRule, "answerRule");
        ignoredFields = Set.copyOf(ignoredFields);
        if (name.isBlank()) {
            throw new IllegalArgumentException("format name must not be blank");
        }
        if (question.equals(answer)) {
            throw new IllegalArgumentException("format " + name + ": question and answer are both field '" + question + "'");
        }
    }

    /**
     * A JSONL file with user-named fields given as dotted paths ({@code meta.answer}, {@code choices.0}).
     *
     * @param idField the id's path, or {@code null} to generate ids from line numbers
     */
    public static DatasetFormat jsonl(String questionField, String answerField, String idField) {
        return generic("jsonl", Container.JSONL, questionField, answerField, idField);
    }

    /** A JSON array of records with user-named fields, as {@link #jsonl}. */
    public static DatasetFormat jsonArray(String questionField, String answerField, String idField) {
        return generic("json", Container.JSON_ARRAY, questionField, answerField, idField);
    }

    private static DatasetFormat generic(String name, Container container, String q, String a, String id) {
        return new DatasetFormat(
                name,
                container,
                FieldPath.parse(q),
                FieldPath.parse(a),
                id == null ? null : FieldPath.parse(id),
                AnswerRule.AS_GIVEN,
                Set.of());
    }
}
