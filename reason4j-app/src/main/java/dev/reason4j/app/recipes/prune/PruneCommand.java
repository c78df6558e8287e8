package dev.reason4j.app.recipes.prune;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reason4j.app.recipes.common.ComparisonTable;
import dev.reason4j.app.recipes.common.RecipeCommand;
import dev.reason4j.lm.hf.HfTokenizer;
import dev.reason4j.lm.train.Objective;
import dev.reason4j.recipes.StageProgress;
import dev.reason4j.recipes.prune.PruneBaseline;
import dev.reason4j.recipes.prune.PruneOptions;
import dev.reason4j.recipes.prune.PruneRecipe;
import dev.reason4j.recipes.prune.PruneRecipeSettings;
import dev.reason4j.recipes.stages.ProblemSet;
import dev.reason4j.recipes.stages.RecipeContext;
import java.io.PrintWriter;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code reason4j prune}: O1-Pruner ({@link PruneRecipe}): pre-sample the reference model, weight each sample by
 * length and correctness, train with the length-harmonizing loss, and compare with the fast-solving prompt and the
 * SFT and DPO baselines on held-out problems (accuracy, length, AES). Rerun with the same {@code --out} to resume
 * after a kill.
 */
@Command(
        name = "prune",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "O1-Pruner (Luo et al., arXiv:2501.12570): length-harmonizing fine-tuning on K",
            "pre-samples, with the fast-solving prompt, SFT and DPO baselines; a final table",
            "of accuracy, length and AES against the reference model.",
            "  reason4j prune --model models/marco-o1 --data math_train.jsonl \\",
            "      --eval-data math500_test.jsonl --out runs/prune1"
        })
public final class PruneCommand extends RecipeCommand {

    /** The fast-solving prompt's instruction: the baseline that asks instead of training. */
    static final String SOLVE_QUICKLY = "Solve this problem quickly: use as few steps as you can, do not check your "
            + "answer again, and put your final answer within \\boxed{}.";

    @Option(names = "--k", defaultValue = "16", description = "Pre-samples per problem (default: ${DEFAULT-VALUE}).")
    int k;

    @Option(names = "--temperature", defaultValue = "0.5",
            description = "Temperature of the pre-samples (default: ${DEFAULT-VALUE}).")
    double temperature;

    @Option(names = "--top-p", defaultValue = "0.8", description = "Top-p of the pre-samples (default: ${DEFAULT-VALUE}).")
    double topP;

    @Option(names = "--lambda", defaultValue = "2",
            description = "λ, weight of the accuracy term in L̄/L − 1 + λ(A − Ā) (default: ${DEFAULT-VALUE}).")
    double lambda;

    @Option(names = "--clip-low", defaultValue = "-2", description = "Weights below are raised to it (default: ${DEFAULT-VALUE}).")
    double clipLow;

    @Option(names = "--clip-high", defaultValue = "4", description = "Weights above are lowered to it (default: ${DEFAULT-VALUE}).")
    double clipHigh;

    @Option(names = "--m", defaultValue = "16",
            description = "Pre-samples per problem trained on, drawn at random (default: ${DEFAULT-VALUE}).")
    int m;

    @Option(names = "--baselines", split = ",", defaultValue = "fast-prompt,sft,dpo",
            description = "Baselines to run besides O1-Pruner: fast-prompt, sft, dpo, or none (default: ${DEFAULT-VALUE}).")
    List<String> baselines;

    @Option(names = "--fast-instruction", defaultValue = SOLVE_QUICKLY, paramLabel = "TEXT",
            description = "The fast-solving prompt's instruction, in place of --instruction (default: ${DEFAULT-VALUE}).")
    String fastInstruction;

    @Override
    public int execute(StageProgress progress) {
        PruneRecipeSettings settings = new PruneRecipeSettings(recipe.sampling().sampling(k, temperature, topP),
                recipe.sampling().evaluation(), new PruneOptions(lambda, clipLow, clipHigh, m, recipe.sampling().seed()),
                baselines(), recipe.training().config(Objective.LH), recipe.training().lengthLimit());
        PrintWriter w = spec.commandLine().getOut();
        ProblemSet.Split split = recipe.problems(w);
        try (HfTokenizer tokenizer = recipe.model().tokenizer(); RecipeContext context = recipe.context(tokenizer)) {
            ObjectNode summary = new PruneRecipe(settings, context,
                    recipe.prompts().rendering(tokenizer, fastInstruction))
                    .run(recipe.out(), recipe.model().model(), split.train(), split.heldOut(), recipe.runConfig(), progress);
            ComparisonTable.print(w, summary.path("comparison"));
            w.printf("summary: %s%n", recipe.out().resolve(PruneRecipe.SUMMARY));
            w.flush();
        }
        return 0;
    }

    private Set<PruneBaseline> baselines() {
        if (baselines.size() == 1 && baselines.get(0).strip().equalsIgnoreCase("none")) {
            return Set.of();
        }
        Set<PruneBaseline> chosen = EnumSet.noneOf(PruneBaseline.class);
        baselines.forEach(name -> chosen.add(PruneBaseline.byName(name)));
        return chosen;
    }
}
