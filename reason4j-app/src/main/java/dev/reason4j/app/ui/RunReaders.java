package dev.reason4j.app.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads a run's files through caches that last until a file changes, turning a missing or unreadable file into a
 * note. One instance per server.
 */
final class RunReaders {

    static final String MANIFEST = "run.json";
    static final String SUMMARY = "summary.json";
    private static final int CACHED_RUNS = 32;

    private final ObjectMapper mapper;
    private final AnswerGrades grades;
    private final FileCache<EvalRun> evals = new FileCache<>(CACHED_RUNS);
    private final FileCache<ObjectNode> curves = new FileCache<>(CACHED_RUNS);
    private final FileCache<AnalysisRun> analyses = new FileCache<>(CACHED_RUNS);
    private final FileCache<TrainingMetrics> metrics = new FileCache<>(CACHED_RUNS);

    RunReaders(ObjectMapper mapper, AnswerGrades grades) {
        this.mapper = mapper;
        this.grades = grades;
    }

    /** {@code name} parsed as JSON; absent (with a note when it exists but is not JSON) otherwise. */
    Optional<JsonNode> json(RunDir run, String name, Notes notes) {
        return run.file(name, notes).flatMap(file -> {
            try {
                return Optional.of(mapper.readTree(file.toFile()));
            } catch (IOException e) {
                notes.add(name + " is not valid JSON: " + firstLine(e.getMessage()));
                return Optional.empty();
            }
        });
    }

    Optional<EvalRun> eval(RunDir run, Notes notes) {
        return read(run, EvalRun.RESULTS, notes, evals, f -> EvalRun.read(f, mapper));
    }

    /** pass@k and maj@k per strategy; grading every ending makes this the slowest read, hence its own cache. */
    Optional<ObjectNode> curves(RunDir run, Notes notes) {
        return eval(run, notes).flatMap(e -> run.file(EvalRun.RESULTS, notes)
                .map(f -> curves.get(f, x -> SampleCurves.compute(e, grades, mapper))));
    }

    Optional<AnalysisRun> analysis(RunDir run, Notes notes) {
        return read(run, AnalysisRun.RESPONSES, notes, analyses, f -> AnalysisRun.read(f, mapper));
    }

    Optional<TrainingMetrics> training(RunDir run, Notes notes) {
        return read(run, TrainingMetrics.METRICS, notes, metrics, f -> TrainingMetrics.read(f, mapper));
    }

    private static <T> Optional<T> read(RunDir run, String name, Notes notes, FileCache<T> cache,
            Function<Path, T> reader) {
        Optional<Path> file = run.file(name, notes);
        if (file.isEmpty()) {
            notes.add("no " + name + " in this run (not written yet?)");
            return Optional.empty();
        }
        try {
            return Optional.of(cache.get(file.get(), reader));
        } catch (UncheckedIOException e) {
            notes.add(e.getMessage());
            return Optional.empty();
        }
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
