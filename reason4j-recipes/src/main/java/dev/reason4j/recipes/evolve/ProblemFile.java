package dev.reason4j.recipes.evolve;

import dev.reason4j.core.dataset.DatasetFormat;
import dev.reason4j.core.dataset.DatasetFormats;
import dev.reason4j.core.dataset.Datasets;
import dev.reason4j.core.dataset.Problem;
import dev.reason4j.recipes.stages.ProblemSet;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A problem file and how to read it.
 *
 * @param file JSONL (or a {@code .json} array) of problems
 * @param format a dataset format name ({@code gsm8k}, {@code math}, {@code jsonl}, …); null to tell it from the file
 *     name, else {@code jsonl} with fields {@code question} and {@code answer}
 * @param limit only the first this many problems; 0 for all
 * @param difficultyField the problem's meta field holding its difficulty (MATH's {@code level}); null for the first
 *     of {@code difficulty}, {@code level} and {@code tier} the problem has
 */
public record ProblemFile(Path file, String format, int limit, String difficultyField) {

    /** Where problem files keep a difficulty, in the order {@code reason4j eval} looks (the testbed's is tier). */
    private static final List<String> DIFFICULTY_FIELDS = List.of("difficulty", "level", "tier");

    public ProblemFile {
        Objects.requireNonNull(file, "file");
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be >= 0 (0 = all problems), was " + limit);
        }
        if (format != null) {
            DatasetFormats.byName(format); // refuses an unknown name with the list of known ones
        }
    }

    /**
     * Loads the problems, the first {@link #limit()} of them.
     *
     * @throws IllegalArgumentException when two problems share an id, or there is none
     * @throws dev.reason4j.core.dataset.DatasetException naming file, line and field of a bad record
     */
    public ProblemSet load() {
        return ProblemSet.of(Datasets.load(file, datasetFormat()), limit);
    }

    /** The format the file is read with. */
    public DatasetFormat datasetFormat() {
        if (format != null) {
            return DatasetFormats.byName(format);
        }
        return DatasetFormats.detect(file).orElse(file.toString().endsWith(".json") ? DatasetFormats.JSON
                : DatasetFormats.JSONL);
    }

    /** The problem's difficulty, when it carries one. */
    public Optional<String> difficulty(Problem problem) {
        return difficulty(problem, difficultyField);
    }

    /**
     * The problem's difficulty, when it carries one: its meta field {@code field}, or when {@code field} is null the
     * first of {@code difficulty}, {@code level} and {@code tier} it has.
     */
    public static Optional<String> difficulty(Problem problem, String field) {
        if (field != null) {
            return Optional.ofNullable(problem.meta().get(field));
        }
        return DIFFICULTY_FIELDS.stream().map(problem.meta()::get).filter(Objects::nonNull).findFirst();
    }

    /** The settings as recorded in a run's manifest. */
    public Map<String, Object> toConfig() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", file.toAbsolutePath().normalize().toString());
        m.put("format", datasetFormat().name());
        m.put("limit", limit);
        m.put("difficulty_field", difficultyField);
        return m;
    }
}
