package dev.reason4j.app.train;

import dev.reason4j.lm.train.Adaptation;
import dev.reason4j.lm.train.LrSchedule;
import dev.reason4j.lm.train.Objective;
import dev.reason4j.lm.train.TrainingConfig;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The options of {@code reason4j train <objective>} that make a {@link TrainingConfig}, one per field. Each option is
 * named after its field in kebab case ({@code learningRate} is {@code --learning-rate}), and its default is read from
 * that field of {@link TrainingConfig.Builder}'s defaults by {@link #defaults(Objective)}, so the builder stays the
 * one place defaults live.
 */
public final class TrainingOptions {

    @Option(names = "--beta", description = "β of DPO, RPO and SimPO (default: 0.1, SimPO 2.0).")
    Double beta;

    @Option(names = "--rpo-alpha", description = "α, weight of RPO's NLL term (default: ${DEFAULT-VALUE}).")
    double rpoAlpha;

    @Option(names = "--simpo-gamma", description = "γ, SimPO's target margin (default: 0.5β).")
    Double simpoGamma;

    @Option(names = "--lh-epsilon", description = "ε, clip range of the length-harmonizing loss (default: ${DEFAULT-VALUE}).")
    double lhEpsilon;

    @Option(names = {"--lr", "--learning-rate"}, description = "Peak learning rate (default: ${DEFAULT-VALUE}).")
    double learningRate;

    @Option(names = "--adam-beta1", description = "AdamW β1 (default: ${DEFAULT-VALUE}).")
    double adamBeta1;

    @Option(names = "--adam-beta2", description = "AdamW β2 (default: ${DEFAULT-VALUE}).")
    double adamBeta2;

    @Option(names = "--adam-epsilon", description = "AdamW ε (default: ${DEFAULT-VALUE}).")
    double adamEpsilon;

    @Option(names = "--weight-decay", description = "AdamW decoupled weight decay (default: ${DEFAULT-VALUE}).")
    double weightDecay;

    @Option(names = "--schedule", description = "Learning-rate schedule after warmup: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    LrSchedule schedule;

    @Option(names = "--warmup-steps", description = "Optimizer steps of linear warmup (default: ${DEFAULT-VALUE}).")
    int warmupSteps;

    @Option(names = "--warmup-ratio", description = "Warmup as a fraction of all steps; the larger wins (default: ${DEFAULT-VALUE}).")
    double warmupRatio;

    @Option(names = "--min-learning-rate-ratio", description = "Last step's learning rate over the peak (default: ${DEFAULT-VALUE}).")
    double minLearningRateRatio;

    @Option(names = "--max-steps", description = "Optimizer steps to run; 0 runs --epochs passes (default: ${DEFAULT-VALUE}).")
    long maxSteps;

    @Option(names = "--epochs", description = "Passes over the data when --max-steps is 0 (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = {"--batch-size", "--micro-batch-size"}, description = "Examples per forward/backward pass (default: ${DEFAULT-VALUE}).")
    int microBatchSize;

    @Option(names = {"--grad-accum", "--gradient-accumulation"}, description = "Micro-batches per optimizer step (default: ${DEFAULT-VALUE}).")
    int gradientAccumulation;

    @Option(names = "--max-grad-norm", description = "Clip the gradient norm to this; 0 turns clipping off (default: ${DEFAULT-VALUE}).")
    double maxGradNorm;

    @Option(names = "--seed", description = "Data order, eval split and initialisation (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--eval-fraction", description = "Fraction of examples held out for the eval loss (default: ${DEFAULT-VALUE}).")
    double evalFraction;

    @Option(names = "--eval-every", description = "Eval loss every N steps; 0 only at the end (default: ${DEFAULT-VALUE}).")
    int evalEvery;

    @Option(names = "--checkpoint-every", description = "Resumable checkpoint every N steps; 0 only at the end (default: ${DEFAULT-VALUE}).")
    int checkpointEvery;

    @Option(names = "--keep-checkpoints", description = "Latest checkpoints kept (default: ${DEFAULT-VALUE}).")
    int keepCheckpoints;

    @Option(names = "--mixed-precision", arity = "1", paramLabel = "true|false",
            description = "bf16 autocast on a GPU; no effect on the CPU (default: ${DEFAULT-VALUE}).")
    boolean mixedPrecision;

    @Option(names = "--adaptation", defaultValue = "full",
            description = "Which parameters train: full, last-layers (--last-layers N) or lora (default: ${DEFAULT-VALUE}).")
    String adaptation;

    @Option(names = "--last-layers", defaultValue = "1", paramLabel = "N",
            description = "With --adaptation last-layers: decoder layers trained, from the top (default: ${DEFAULT-VALUE}).")
    int lastLayers;

    @Option(names = "--lora-rank", defaultValue = "8", description = "LoRA rank r (default: ${DEFAULT-VALUE}).")
    int loraRank;

    @Option(names = "--lora-alpha", defaultValue = "16", description = "LoRA α (default: ${DEFAULT-VALUE}).")
    double loraAlpha;

    @Option(names = "--lora-dropout", defaultValue = "0", description = "LoRA dropout (default: ${DEFAULT-VALUE}).")
    double loraDropout;

    @Option(names = "--lora-targets", split = ",", defaultValue = "q_proj,k_proj,v_proj,o_proj",
            description = "LoRA target projections (default: ${DEFAULT-VALUE}).")
    List<String> loraTargets;

    /** The configuration these options describe. */
    TrainingConfig config(Objective objective, Path outputDir) {
        TrainingConfig.Builder builder = TrainingConfig.builder(objective, outputDir)
                .rpoAlpha(rpoAlpha).lhEpsilon(lhEpsilon).learningRate(learningRate).adamBetas(adamBeta1, adamBeta2)
                .adamEpsilon(adamEpsilon).weightDecay(weightDecay).schedule(schedule).warmupSteps(warmupSteps)
                .warmupRatio(warmupRatio).minLearningRateRatio(minLearningRateRatio).maxSteps(maxSteps).epochs(epochs)
                .microBatchSize(microBatchSize).gradientAccumulation(gradientAccumulation).maxGradNorm(maxGradNorm)
                .seed(seed).evalFraction(evalFraction).evalEvery(evalEvery).checkpointEvery(checkpointEvery)
                .keepCheckpoints(keepCheckpoints).mixedPrecision(mixedPrecision).adaptation(adaptation());
        if (beta != null) {
            builder.beta(beta);
        }
        if (simpoGamma != null) {
            builder.simpoGamma(simpoGamma);
        }
        return builder.build();
    }

    private Adaptation adaptation() {
        return switch (adaptation.strip().toLowerCase(Locale.ROOT)) {
            case "full" -> Adaptation.full();
            case "last-layers" -> Adaptation.lastLayers(lastLayers);
            case "lora" -> new Adaptation.Lora(loraRank, loraAlpha, loraDropout, loraTargets);
            default -> throw new IllegalArgumentException(
                    "--adaptation must be full, last-layers or lora, was '" + adaptation + "'");
        };
    }

    /**
     * Defaults for the options named after {@link TrainingConfig} fields, read from {@code objective}'s default
     * configuration; β and γ stay unset so that the builder derives them (γ = 0.5β also when only β is given).
     */
    static CommandLine.IDefaultValueProvider defaults(Objective objective) {
        TrainingConfig config = TrainingConfig.builder(objective, Path.of(".")).build();
        Map<String, RecordComponent> fields = new HashMap<>();
        for (RecordComponent component : TrainingConfig.class.getRecordComponents()) {
            fields.put(kebab(component.getName()), component);
        }
        return argument -> {
            if (!(argument instanceof CommandLine.Model.OptionSpec option)) {
                return null;
            }
            for (String name : option.names()) {
                RecordComponent component = fields.get(name.substring(2));
                Object value = component == null || name.equals("--beta") || name.equals("--simpo-gamma") ? null
                        : read(component, config);
                if (value instanceof Enum<?> e) {
                    return e.name();
                }
                if (value instanceof Number || value instanceof Boolean) {
                    return value.toString();
                }
            }
            return null;
        };
    }

    /** The value of one field of a record. */
    static Object read(RecordComponent component, Record record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + component.getName() + " of " + record, e);
        }
    }

    static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
