package dev.reason4j.torch.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reason4j.torch.CheckpointException;
import dev.reason4j.torch.safetensors.SafetensorsCheckpoint;
import dev.reason4j.torch.safetensors.TensorEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.bytedeco.pytorch.global.torch.ScalarType;

/**
 * A model directory to train from scratch, in the Hugging Face layout that the engine, the trainers and
 * transformers load like any pretrained checkpoint: {@code config.json}, {@code model.safetensors} with fresh weights
 * (as {@link Checkpoints#writeRandom} initialises them: projections and embeddings ~ N(0, 0.02²), norms 1, biases 0,
 * from a seed), {@code generation_config.json} naming the config's end-of-sequence ids, and the tokenizer files
 * copied from a tokenizer directory.
 */
public final class FreshModel {

    /** Tokenizer files copied from the tokenizer directory when present; {@code tokenizer.json} is required. */
    public static final List<String> TOKENIZER_FILES =
            List.of("tokenizer.json", "tokenizer_config.json", "special_tokens_map.json", "chat_template.jinja");
    public static final String GENERATION_CONFIG = "generation_config.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    private FreshModel() {}

    /**
     * Writes the model directory {@code outDir} (created when missing).
     *
     * @param config the shape; its vocabulary must hold every id of the tokenizer ({@link #vocabularySize})
     * @param type the stored weight type (float32 or bfloat16; trainers keep float32 master weights either way)
     * @return the number of parameters written
     * @throws CheckpointException when the tokenizer directory lacks {@code tokenizer.json} or a file cannot be
     *     written
     * @throws IllegalArgumentException when the vocabulary is smaller than the tokenizer's
     */
    public static long write(ModelConfig config, ScalarType type, long seed, Path tokenizerDir, Path outDir) {
        int needed = vocabularySize(tokenizerDir);
        if (config.vocabSize() < needed) {
            throw new IllegalArgumentException("vocab_size " + config.vocabSize() + " is smaller than the tokenizer in "
                    + tokenizerDir + ", which uses ids up to " + (needed - 1));
        }
        try {
            Files.createDirectories(outDir);
            Checkpoints.writeRandom(config, type, seed, outDir, Long.MAX_VALUE);
            for (String name : TOKENIZER_FILES) {
                Path source = tokenizerDir.resolve(name);
                if (Files.isRegularFile(source)) {
                    Files.copy(source, outDir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            Files.writeString(outDir.resolve(GENERATION_CONFIG),
                    JSON.writerWithDefaultPrettyPrinter().writeValueAsString(generationConfig(config)));
        } catch (IOException e) {
            throw new CheckpointException(outDir + ": cannot write the model: " + e, e);
        }
        try (SafetensorsCheckpoint weights = SafetensorsCheckpoint.open(outDir)) {
            return weights.names().stream().map(weights::entry).mapToLong(TensorEntry::numel).sum();
        }
    }

    /**
     * The embedding rows a model needs for the tokenizer in {@code tokenizerDir}: one more than the largest id of
     * {@code tokenizer.json}'s vocabulary and added tokens.
     */
    public static int vocabularySize(Path tokenizerDir) {
        Path file = tokenizerDir.resolve("tokenizer.json");
        if (!Files.isRegularFile(file)) {
            throw new CheckpointException(file + ": missing (a Hugging Face tokenizer.json is required)");
        }
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new CheckpointException(file + ": cannot read: " + e.getMessage(), e);
        }
        int largest = -1;
        for (JsonNode id : root.path("model").path("vocab")) {
            largest = Math.max(largest, id.asInt());
        }
        for (JsonNode token : root.path("added_tokens")) {
            largest = Math.max(largest, token.path("id").asInt());
        }
        if (largest < 0) {
            throw new CheckpointException(file + ": field 'model.vocab' holds no tokens");
        }
        return largest + 1;
    }

    /** transformers' generation defaults for this model: stop at any end-of-sequence id, pad with the first. */
    private static ObjectNode generationConfig(ModelConfig config) {
        ObjectNode node = JSON.createObjectNode();
        config.eosTokenIds().forEach(node.putArray("eos_token_id")::add);
        if (!config.eosTokenIds().isEmpty()) {
            node.put("pad_token_id", config.eosTokenIds().getFirst());
        }
        return node;
    }
}
