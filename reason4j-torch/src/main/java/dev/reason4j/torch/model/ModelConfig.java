package dev.reason4j.torch.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reason4j.torch.CheckpointException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The shape of a decoder model, read from {@code config.json} in either transformers style: 4.x ({@code rope_theta}
 * and {@code rope_scaling} at the top level, {@code torch_dtype}) or 5.x ({@code rope_parameters}, {@code dtype}).
 *
 * @param family architecture
 * @param hiddenSize model width
 * @param intermediateSize MLP width
 * @param numLayers decoder layers
 * @param numHeads query heads
 * @param numKvHeads key/value heads (grouped-query attention when fewer than {@code numHeads})
 * @param headDim width of one head
 * @param vocabSize embedding rows
 * @param rmsNormEps RMSNorm epsilon
 * @param ropeTheta rotary base
 * @param ropeScaling rotary frequency scaling
 * @param maxPositions context length the model was trained for
 * @param tieWordEmbeddings the output projection is the embedding matrix
 * @param qkvBias q/k/v projections have a bias
 * @param outputBias the attention output projection has a bias ({@code attention_bias} in Llama)
 * @param mlpBias the MLP projections have biases
 * @param storedDtype {@code float32}, {@code bfloat16} or {@code float16}, as the checkpoint declares
 * @param eosTokenIds end-of-sequence ids the config names (may be empty)
 */
public record ModelConfig(
        ModelFamily family,
        int hiddenSize,
        int intermediateSize,
        int numLayers,
        int numHeads,
        int numKvHeads,
        int headDim,
        int vocabSize,
        double rmsNormEps,
        double ropeTheta,
        RopeScaling ropeScaling,
        int maxPositions,
        boolean tieWordEmbeddings,
        boolean qkvBias,
        boolean outputBias,
        boolean mlpBias,
        String storedDtype,
        List<Integer> eosTokenIds) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public ModelConfig {
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(ropeScaling, "ropeScaling");
        Objects.requireNonNull(storedDtype, "storedDtype");
        eosTokenIds = List.copyOf(eosTokenIds);
        positive("hidden_size", hiddenSize);
        positive("intermediate_size", intermediateSize);
        positive("num_hidden_layers", numLayers);
        positive("num_attention_heads", numHeads);
        positive("num_key_value_heads", numKvHeads);
        positive("head_dim", headDim);
        positive("vocab_size", vocabSize);
        positive("max_position_embeddings", maxPositions);
        if (numHeads % numKvHeads != 0) {
            throw new IllegalArgumentException("num_attention_heads " + numHeads
                    + " must be a multiple of num_key_value_heads " + numKvHeads);
        }
        if (headDim % 2 != 0) {
            throw new IllegalArgumentException("head_dim must be even for rotary embeddings, was " + headDim);
        }
        if (!(rmsNormEps > 0)) {
            throw new IllegalArgumentException("rms_norm_eps must be > 0, was " + rmsNormEps);
        }
        if (!(ropeTheta > 0)) {
            throw new IllegalArgumentException("rope_theta must be > 0, was " + ropeTheta);
        }
        if (!List.of("float32", "bfloat16", "float16").contains(storedDtype)) {
            throw new IllegalArgumentException("dtype must be float32, bfloat16 or float16, was '" + storedDtype + "'");
        }
    }

    private static void positive(String field, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(field + " must be >= 1, was " + value);
        }
    }

    /**
     * Reads {@code config.json}.
     *
     * @throws CheckpointException naming the file and the field at fault
     */
    public static ModelConfig read(Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new CheckpointException(file + ": cannot read config: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new CheckpointException(file + ": must hold a JSON object");
        }
        try {
            return parse(root);
        } catch (IllegalArgumentException e) {
            throw new CheckpointException(file + ": " + e.getMessage(), e);
        }
    }

    /** Parses a config object; errors name the field. */
    public static ModelConfig parse(JsonNode root) {
        String modelType = text(root, "model_type", null);
        if (modelType == null) {
            throw new IllegalArgumentException("field 'model_type' missing");
        }
        ModelFamily family = ModelFamily.of(modelType).orElseThrow(() -> new IllegalArgumentException(
                "model_type '" + modelType + "' is not supported (supported: qwen2, llama)"));
        if (root.path("use_sliding_window").asBoolean(false)) {
            throw new IllegalArgumentException("use_sliding_window: sliding-window attention is not supported");
        }
        int hidden = integer(root, "hidden_size", null);
        int heads = integer(root, "num_attention_heads", null);
        JsonNode rope = root.has("rope_parameters") ? root.get("rope_parameters") : root;
        double theta = number(rope, "rope_theta", 10000.0);
        JsonNode scaling = root.has("rope_parameters") ? root.get("rope_parameters") : root.get("rope_scaling");
        boolean attentionBias = root.path("attention_bias").asBoolean(false);
        String dtype = text(root, "dtype", text(root, "torch_dtype", "float32"));
        return new ModelConfig(
                family,
                hidden,
                integer(root, "intermediate_size", null),
                integer(root, "num_hidden_layers", null),
                heads,
                integer(root, "num_key_value_heads", heads),
                integer(root, "head_dim", heads > 0 && hidden % heads == 0 ? hidden / heads : 0),
                integer(root, "vocab_size", null),
                number(root, "rms_norm_eps", 1e-6),
                theta,
                ropeScaling(scaling),
                integer(root, "max_position_embeddings", 2048),
                root.path("tie_word_embeddings").asBoolean(false),
                family.alwaysQkvBias() || attentionBias,
                attentionBias,
                root.path("mlp_bias").asBoolean(false),
                dtype,
                tokenIds(root, "eos_token_id"));
    }

    /** A config.json for this shape in the transformers 4.x style that {@link #parse} reads back. */
    public ObjectNode toJson() {
        ObjectNode node = JSON.createObjectNode();
        node.putArray("architectures").add(family == ModelFamily.QWEN2 ? "Qwen2ForCausalLM" : "LlamaForCausalLM");
        node.put("model_type", family.modelType())
                .put("hidden_size", hiddenSize)
                .put("intermediate_size", intermediateSize)
                .put("num_hidden_layers", numLayers)
                .put("num_attention_heads", numHeads)
                .put("num_key_value_heads", numKvHeads)
                .put("head_dim", headDim)
                .put("vocab_size", vocabSize)
                .put("rms_norm_eps", rmsNormEps)
                .put("rope_theta", ropeTheta)
                .put("max_position_embeddings", maxPositions)
                .put("tie_word_embeddings", tieWordEmbeddings)
                .put("hidden_act", "silu")
                .put("torch_dtype", storedDtype);
        if (family == ModelFamily.LLAMA) {
            node.put("attention_bias", outputBias).put("mlp_bias", mlpBias);
        }
        if (!ropeScaling.type().equals("default")) {
            ObjectNode scaling = node.putObject("rope_scaling");
            scaling.put("rope_type", ropeScaling.type()).put("factor", ropeScaling.factor());
            if (ropeScaling.type().equals("llama3")) {
                scaling.put("low_freq_factor", ropeScaling.lowFreqFactor())
                        .put("high_freq_factor", ropeScaling.highFreqFactor())
                        .put("original_max_position_embeddings", ropeScaling.originalMaxPositions());
            }
        }
        if (eosTokenIds.size() == 1) {
            node.put("eos_token_id", eosTokenIds.get(0));
        } else if (!eosTokenIds.isEmpty()) {
            eosTokenIds.forEach(node.putArray("eos_token_id")::add);
        }
        return node;
    }

    /** Query heads that share one key/value head. */
    public int groupSize() {
        return numHeads / numKvHeads;
    }

    /** Parameters in matrices (projections, embeddings, output head): what one token's forward multiplies by. */
    public long matmulParameters() {
        long attention = (long) hiddenSize * headDim * (2L * numHeads + 2L * numKvHeads);
        long mlp = 3L * hiddenSize * intermediateSize;
        return numLayers * (attention + mlp) + (long) vocabSize * hiddenSize;
    }

    private static RopeScaling ropeScaling(JsonNode node) {
        if (node == null || node.isNull()) {
            return RopeScaling.NONE;
        }
        String type = text(node, "rope_type", text(node, "type", "default"));
        if (type.equals("default")) {
            return RopeScaling.NONE;
        }
        return new RopeScaling(type, number(node, "factor", 1.0), number(node, "low_freq_factor", 0),
                number(node, "high_freq_factor", 0), integer(node, "original_max_position_embeddings", 0));
    }

    private static List<Integer> tokenIds(JsonNode root, String field) {
        JsonNode node = root.get(field);
        List<Integer> ids = new ArrayList<>();
        if (node == null || node.isNull()) {
            return ids;
        }
        if (node.isIntegralNumber()) {
            ids.add(node.asInt());
        } else if (node.isArray()) {
            node.forEach(n -> {
                if (!n.isIntegralNumber()) {
                    throw new IllegalArgumentException("field '" + field + "' must hold integers, was " + node);
                }
                ids.add(n.asInt());
            });
        } else {
            throw new IllegalArgumentException("field '" + field + "' must be an integer or a list, was " + node);
        }
        return ids;
    }

    private static int integer(JsonNode node, String field, Integer fallback) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (fallback == null) {
                throw new IllegalArgumentException("field '" + field + "' missing");
            }
            return fallback;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw new IllegalArgumentException("field '" + field + "' must be an integer, was " + value);
        }
        return value.asInt();
    }

    private static double number(JsonNode node, String field, double fallback) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isNumber()) {
            throw new IllegalArgumentException("field '" + field + "' must be a number, was " + value);
        }
        return value.asDouble();
    }

    private static String text(JsonNode node, String field, String fallback) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? fallback : value.asText();
    }
}
