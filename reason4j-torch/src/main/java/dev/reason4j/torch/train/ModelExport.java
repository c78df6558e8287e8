package dev.reason4j.torch.train;

import dev.reason4j.torch.CheckpointException;
import dev.reason4j.torch.model.Checkpoints;
import dev.reason4j.torch.model.ModelConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.global.torch.ScalarType;

/**
 * Writes a trained model as a Hugging Face directory: {@code config.json}, safetensors weights in the starting
 * checkpoint's own dtype (LoRA merged, value head as extra tensors) and the starting model's tokenizer and
 * generation files, so this project's loader, {@code transformers} and TRL load it as they loaded the original.
 */
@SuppressWarnings("try") // a PointerScope frees what its block allocates; the block never names it
final class ModelExport {

    /** Files copied from the starting model when present. */
    static final List<String> COPIED = List.of("tokenizer.json", "tokenizer_config.json", "special_tokens_map.json",
            "vocab.json", "merges.txt", "added_tokens.json", "tokenizer.model", "chat_template.jinja",
            "chat_template.json", "generation_config.json");
    private static final long MAX_SHARD_BYTES = 5L << 30;

    private ModelExport() {}

    static void save(TrainableModel model, Path baseDir, Path outDir) {
        ModelConfig config = model.model().config();
        try (PointerScope scope = new PointerScope()) {
            Checkpoints.save(config, model.exportWeights(), storedType(config), outDir, MAX_SHARD_BYTES);
        }
        try {
            for (String name : COPIED) {
                Path source = baseDir.resolve(name);
                if (Files.isRegularFile(source)) {
                    Files.copy(source, outDir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new CheckpointException(outDir + ": cannot copy tokenizer files from " + baseDir + ": " + e, e);
        }
    }

    private static ScalarType storedType(ModelConfig config) {
        return switch (config.storedDtype()) {
            case "bfloat16" -> ScalarType.BFloat16;
            case "float16" -> ScalarType.Half;
            default -> ScalarType.Float;
        };
    }
}
