package dev.reason4j.core.dataset;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One math problem with its gold answer.
 *
 * @param id stable identifier, unique within its dataset (taken from the file where it has a trustworthy id field,
 *     otherwise {@code <file stem>-<line>})
 * @param question the problem statement as given
 * @param answer the gold answer as text, as given (LaTeX is kept; the grader normalises it); empty when the source
 *     has none (the public MATH train and GaoKao files have two such rows each), which a grader cannot match
 * @param meta other fields of the record as text (level, subject, solution, url, …), immutable, in file order
 */
public record Problem(String id, String question, String answer, Map<String, String> meta) {

    public Problem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(answer, "answer");
        Objects.requireNonNull(meta, "meta");
        if (id.isBlank()) {
            throw new IllegalArgumentException("id must not be blank");
        }
        if (question.isBlank()) {
            throw new IllegalArgumentException("problem " + id + ": question must not be blank");
        }
        meta.forEach((k, v) -> Objects.requireNonNull(v, () -> "problem " + id + ": meta '" + k + "' is null"));
        meta = Collections.unmodifiableMap(new LinkedHashMap<>(meta));
    }

    /** A problem without meta data. */
    public Problem(String id, String question, String answer) {
        this(id, question, answer, Map.of());
    }
}
