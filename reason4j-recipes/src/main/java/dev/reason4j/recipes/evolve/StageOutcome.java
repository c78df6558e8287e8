package dev.reason4j.recipes.evolve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reason4j.recipes.JsonlOutput;
import dev.reason4j.recipes.RecipeInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * How a stage of a round ended, kept in the stage's directory as {@value #MARKER}: the stage's completion marker.
 * It is written, whole or not at all, only after everything the stage produces is on disk, so a directory with it is
 * a finished stage that a resumed run skips, and one without it a stage to run (again: every stage resumes its own
 * partial work).
 *
 * @param ran whether the stage did its work; false when there was nothing to do (no data to train on)
 * @param detail one line for people: what it did, or why it was skipped
 * @param result the stage's numbers (see each stage)
 */
public record StageOutcome(boolean ran, String detail, ObjectNode result) {

    /** The marker file in a stage's directory. */
    public static final String MARKER = "done.json";

    public StageOutcome {
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(result, "result");
    }

    /** The marker of the stage in {@code dir}, when the stage has finished. */
    static Optional<StageOutcome> read(Path dir, ObjectMapper mapper) {
        Path file = dir.resolve(MARKER);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            JsonNode o = mapper.readTree(file.toFile());
            if (!o.path("result").isObject()) {
                throw new RecipeInputException(file + ": not a stage marker (no 'result' object)");
            }
            return Optional.of(new StageOutcome("finished".equals(o.path("status").asText()), o.path("detail").asText(),
                    (ObjectNode) o.get("result")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Writes the marker of {@code stage} of round {@code round} into {@code dir}. */
    void write(Path dir, int round, EvolutionStage stage, ObjectMapper mapper) {
        ObjectNode o = mapper.createObjectNode()
                .put("round", round)
                .put("stage", stage.dirName())
                .put("status", ran ? "finished" : "skipped")
                .put("detail", detail);
        o.set("result", result);
        JsonlOutput.writeDocument(dir.resolve(MARKER), o, mapper);
    }
}
