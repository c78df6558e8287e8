package dev.reason4j.app.train;

import dev.reason4j.lm.train.Objective;
import java.util.EnumMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code reason4j train <objective>}: fine-tunes a model in-process on libtorch, one subcommand per
 * {@link Objective}, all sharing the options of {@link TrainInputs} and {@link TrainingOptions}.
 */
@Command(
        name = "train",
        mixinStandardHelpOptions = true,
        description = {
            "Fine-tune a model: sft, dpo, rpo, simpo, lh (O1-Pruner), ppm, pqm, orm.",
            "  reason4j train dpo --model models/qwen2.5-0.5b --data pairs.jsonl --out runs/dpo --lr 5e-7 --epochs 1"
        })
public final class TrainCommand implements Runnable {

    private static final Map<Objective, String> DESCRIPTIONS = new EnumMap<>(Map.of(
            Objective.SFT, "Supervised fine-tuning on the replies (prompts masked).",
            Objective.DPO, "Direct preference optimisation against the frozen starting model.",
            Objective.RPO, "DPO plus α times the chosen reply's NLL.",
            Objective.SIMPO, "SimPO: length-normalised preferences, no reference model.",
            Objective.LH, "O1-Pruner's length-harmonizing loss on per-sample advantages.",
            Objective.PPM, "rStar-Math's process preference model: pairwise loss on a value head.",
            Objective.PQM, "Process Q-value model: value head regressed onto step Q values.",
            Objective.ORM, "Outcome reward model: value head with binary cross-entropy."));

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The {@code train} group with one subcommand per objective. */
    public static CommandLine commandLine() {
        CommandLine group = new CommandLine(new TrainCommand());
        for (Objective objective : Objective.values()) {
            TrainObjectiveCommand command = new TrainObjectiveCommand(objective);
            CommandLine sub = new CommandLine(command);
            sub.setDefaultValueProvider(TrainingOptions.defaults(objective));
            sub.setCaseInsensitiveEnumValuesAllowed(true);
            sub.getCommandSpec().usageMessage().description(DESCRIPTIONS.get(objective));
            group.addSubcommand(command.name(), sub);
        }
        return group;
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
