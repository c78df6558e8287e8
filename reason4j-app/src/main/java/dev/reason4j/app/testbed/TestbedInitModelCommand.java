package dev.reason4j.app.testbed;

import dev.reason4j.core.provenance.RunManifest;
import dev.reason4j.lm.hf.HfTokenizer;
import dev.reason4j.testbed.AtomicFile;
import dev.reason4j.testbed.tokenizer.SpecialTokens;
import dev.reason4j.torch.ComputeDtype;
import dev.reason4j.torch.model.FreshModel;
import dev.reason4j.torch.model.ModelConfig;
import dev.reason4j.torch.model.ModelFamily;
import dev.reason4j.torch.model.RopeScaling;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.bytedeco.pytorch.global.torch.ScalarType;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code reason4j testbed init-model --tokenizer DIR --out DIR [--layers --hidden --heads --kv-heads --intermediate
 * --context --seed --dtype]}: a randomly initialised Qwen2 model for the project's tokenizer, to train from scratch
 * with {@code reason4j train sft}. Embeddings are tied to the output head (as in the small Qwen2 models), and both
 * {@code <|endoftext|>} and {@code <|im_end|>} end a sequence.
 */
@Command(name = "init-model", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Write a randomly initialised Qwen2 model (Hugging Face layout) for the testbed tokenizer.")
final class TestbedInitModelCommand implements Callable<Integer> {

    @Option(names = "--tokenizer", required = true, paramLabel = "DIR",
            description = "Tokenizer directory written by 'reason4j testbed tokenizer' (its files are copied).")
    Path tokenizer;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Model directory to write.")
    Path out;

    @Option(names = "--layers", defaultValue = "4", description = "Decoder layers (default: ${DEFAULT-VALUE}).")
    int layers;

    @Option(names = "--hidden", defaultValue = "256", description = "Model width (default: ${DEFAULT-VALUE}).")
    int hidden;

    @Option(names = "--heads", defaultValue = "4", description = "Attention heads; they divide --hidden (default: ${DEFAULT-VALUE}).")
    int heads;

    @Option(names = "--kv-heads", defaultValue = "4",
            description = "Key/value heads; they divide --heads, fewer than --heads is grouped-query attention "
                    + "(default: ${DEFAULT-VALUE}).")
    int kvHeads;

    @Option(names = "--intermediate", defaultValue = "704", description = "MLP width (default: ${DEFAULT-VALUE}).")
    int intermediate;

    @Option(names = "--context", defaultValue = "1024", paramLabel = "TOKENS",
            description = "Longest sequence, prompt and reply (default: ${DEFAULT-VALUE}).")
    int context;

    @Option(names = "--rope-theta", defaultValue = "10000", description = "Rotary base (default: ${DEFAULT-VALUE}).")
    double ropeTheta;

    @Option(names = "--seed", defaultValue = "1", description = "Initialisation seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--dtype", defaultValue = "bfloat16",
            description = "Stored weight type, float32 or bfloat16; training keeps float32 weights and saves the "
                    + "trained model in this type (default: ${DEFAULT-VALUE}).")
    String dtype;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (heads < 1 || hidden % heads != 0) {
            throw new IllegalArgumentException("--heads must divide --hidden " + hidden + ", was " + heads);
        }
        ScalarType type = switch (ComputeDtype.parse(dtype)) {
            case FLOAT32 -> ScalarType.Float;
            case BFLOAT16 -> ScalarType.BFloat16;
            default -> throw new IllegalArgumentException("--dtype must be float32 or bfloat16, was '" + dtype + "'");
        };
        ModelConfig config = new ModelConfig(ModelFamily.QWEN2, hidden, intermediate, layers, heads, kvHeads,
                hidden / heads, FreshModel.vocabularySize(tokenizer), 1e-6, ropeTheta, RopeScaling.NONE, context, true,
                true, false, false, type == ScalarType.Float ? "float32" : "bfloat16", eosTokenIds());
        RunManifest manifest = RunManifest.builder("testbed init-model")
                .config("layers", layers).config("hidden", hidden).config("heads", heads).config("kv_heads", kvHeads)
                .config("intermediate", intermediate).config("context", context).config("rope_theta", ropeTheta)
                .config("vocab", config.vocabSize()).config("dtype", config.storedDtype())
                .seed("init", seed)
                .input(tokenizer.resolve("tokenizer.json"))
                .build();
        long parameters = FreshModel.write(config, type, seed, tokenizer, out);
        AtomicFile.write(out.resolve("run.json"), w -> w.write(manifest.toJson()));
        PrintWriter printer = spec.commandLine().getOut();
        printer.printf(Locale.ROOT, "qwen2, %d layers x %d (%d heads, %d key/value heads, head %d, MLP %d), vocabulary %,d, "
                + "context %,d, tied embeddings: %,d parameters (%.1f MB in %s); end of sequence %s%n", layers, hidden,
                heads, kvHeads, hidden / heads, intermediate, config.vocabSize(), context, parameters,
                parameters * (type == ScalarType.Float ? 4 : 2) / 1e6, config.storedDtype(), config.eosTokenIds());
        printer.printf("wrote %s%n", out);
        printer.flush();
        return 0;
    }

    /** The ids of end of text and end of turn in the tokenizer. */
    private List<Integer> eosTokenIds() {
        List<Integer> ids = new ArrayList<>();
        try (HfTokenizer t = HfTokenizer.load(tokenizer)) {
            for (String token : List.of(SpecialTokens.END_OF_TEXT, SpecialTokens.IM_END)) {
                ids.add(t.tokenId(token).orElseThrow(() -> new IllegalArgumentException("--tokenizer " + tokenizer
                        + ": has no token " + token + " (train it with 'reason4j testbed tokenizer')")));
            }
        }
        return ids;
    }
}
