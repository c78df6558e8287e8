package dev.reason4j.recipes.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reason4j.recipes.DataSetKind;
import dev.reason4j.recipes.InputRecord;
import dev.reason4j.recipes.JsonlOutput;
import dev.reason4j.recipes.RecipeInputException;
import dev.reason4j.recipes.TrainingRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * Exports a recipe's data set (one of the {@code RUN/NAME.jsonl} files the stages write) for a training tool; see
 * {@link ExportFormat} for the files each format gets. A data set holds records of one {@link DataSetKind}; an
 * empty data set writes nothing. Every file is written whole or not at all, and LLaMA-Factory's
 * {@code dataset_info.json} keeps the entries of other data sets already in the directory.
 */
public final class DataSetExport {

    /** The name of LLaMA-Factory's data set registry. */
    public static final String DATASET_INFO = "dataset_info.json";

    /**
     * One written file.
     *
     * @param file the file
     * @param kind the kind of the data set it came from
     * @param rows rows written (more than the data set's records when step pairs are flattened)
     */
    public record Exported(Path file, DataSetKind kind, long rows) {
        public Exported {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(kind, "kind");
        }
    }

    private final ObjectMapper mapper = new ObjectMapper();

    /**
     * Exports {@code dataSet} into {@code outDir}; the data set's name is its file name without {@code .jsonl}.
     *
     * @return the files written; empty for an empty data set
     * @throws RecipeInputException naming the line of a record that is not a training record or is of another kind
     *     than the first
     */
    public List<Exported> export(Path dataSet, ExportFormat format, Path outDir) {
        return export(dataSet, dataSet.getFileName().toString().replaceFirst("\\.jsonl$", ""), format, outDir);
    }

    /**
     * Exports {@code dataSet} into {@code outDir} under {@code name}: the files are {@code name.jsonl} (and for TRL
     * {@code name.messages.jsonl}), and LLaMA-Factory's registry entry is {@code name}.
     *
     * @return the files written; empty for an empty data set
     * @throws RecipeInputException naming the line of a record that is not a training record or is of another kind
     *     than the first
     */
    public List<Exported> export(Path dataSet, String name, ExportFormat format, Path outDir) {
        List<TrainingRecord> records = read(dataSet);
        if (records.isEmpty()) {
            return List.of();
        }
        DataSetKind kind = records.get(0).kind();
        return switch (format) {
            case TRL -> List.of(
                    write(outDir.resolve(name + ".jsonl"), kind, records, TrlRows::standard),
                    write(outDir.resolve(name + ".messages.jsonl"), kind, records, TrlRows::conversational));
            case LLAMA_FACTORY -> {
                Exported rows = write(outDir.resolve(name + ".jsonl"), kind, records, LlamaFactoryRows::rows);
                register(outDir.resolve(DATASET_INFO), name, LlamaFactoryRows.datasetInfo(name + ".jsonl", kind, mapper));
                yield List.of(rows);
            }
        };
    }

    private List<TrainingRecord> read(Path dataSet) {
        List<TrainingRecord> records = new ArrayList<>();
        for (InputRecord input : InputRecord.readAll(dataSet)) {
            TrainingRecord r = TrainingRecord.read(input.fields());
            if (!records.isEmpty() && r.kind() != records.get(0).kind()) {
                throw new RecipeInputException(input.location() + ": a " + r.kind().wireName() + " record in a data set of "
                        + records.get(0).kind().wireName() + " records; a data set holds one kind");
            }
            records.add(r);
        }
        return records;
    }

    private Exported write(Path file, DataSetKind kind, List<TrainingRecord> records,
            BiFunction<TrainingRecord, ObjectMapper, List<ObjectNode>> rows) {
        try (JsonlOutput out = JsonlOutput.open(file, mapper)) {
            for (TrainingRecord r : records) {
                rows.apply(r, mapper).forEach(out::write);
            }
            out.commit();
            return new Exported(file, kind, out.lines());
        }
    }

    /** Adds or replaces {@code name} in the registry at {@code file}, keeping its other entries. */
    private void register(Path file, String name, ObjectNode entry) {
        ObjectNode registry = mapper.createObjectNode();
        if (Files.exists(file)) {
            try {
                JsonNode existing = mapper.readTree(file.toFile());
                if (!(existing instanceof ObjectNode o)) {
                    throw new RecipeInputException(file + ": expected a JSON object of data sets");
                }
                registry = o;
            } catch (IOException e) {
                throw new RecipeInputException(file + ": not a JSON object of data sets ("
                        + e.getMessage().lines().findFirst().orElse("") + ")", e);
            }
        }
        registry.set(name, entry);
        JsonlOutput.writeDocument(file, registry, mapper);
    }
}
