package dev.reason4j.recipes.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reason4j.recipes.RecipeInputException;
import dev.reason4j.recipes.StageResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Finds the data sets of a run directory: every data stage below it (at any depth: a recipe's {@code targets/}, an
 * evolution round's stages) records its data sets in its {@code summary.json} ({@link StageResult#writeSummary}),
 * and those are what is found. Each gets a name unique within the run: its stage directory relative to the run,
 * path parts joined by dots, then the data set's name ({@code targets.pairs_fcs}); a data set of the run directory
 * itself keeps its own name.
 */
public final class RunDataSets {

    /**
     * A data set of the run.
     *
     * @param name its name in the export
     * @param file its {@code NAME.jsonl}
     * @param records the records its stage wrote
     */
    public record Found(String name, Path file, long records) {
        public Found {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(file, "file");
        }
    }

    private RunDataSets() {}

    /**
     * The data sets below {@code runDir}, by name.
     *
     * @throws RecipeInputException when {@code runDir} is not a directory or a stage's summary names a missing file
     */
    public static List<Found> find(Path runDir) {
        if (!Files.isDirectory(runDir)) {
            throw new RecipeInputException(runDir + ": not a run directory");
        }
        ObjectMapper mapper = new ObjectMapper();
        List<Found> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(runDir)) {
            for (Path summary : files.filter(f -> f.getFileName().toString().equals(StageResult.SUMMARY)).toList()) {
                found.addAll(dataSets(runDir, summary, mapper));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + runDir + ": " + e.getMessage(), e);
        }
        found.sort(Comparator.comparing(Found::name));
        return found;
    }

    private static List<Found> dataSets(Path runDir, Path summary, ObjectMapper mapper) {
        JsonNode sets;
        try {
            sets = mapper.readTree(summary.toFile()).path("data_sets");
        } catch (IOException e) {
            throw new RecipeInputException(summary + ": not JSON (" + e.getMessage().lines().findFirst().orElse("") + ")",
                    e);
        }
        Path stage = summary.getParent();
        String prefix = String.join(".", runDir.relativize(stage).toString().replace('\\', '/').split("/"));
        List<Found> found = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : sets.properties()) {
            Path file = stage.resolve(e.getValue().path("file").asText(e.getKey() + ".jsonl"));
            if (!Files.isRegularFile(file)) {
                throw new RecipeInputException(summary + ": data set '" + e.getKey() + "' names " + file
                        + ", which does not exist");
            }
            found.add(new Found(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), file,
                    e.getValue().path("records").asLong()));
        }
        return found;
    }
}
