package dev.reason4j.app.recipes.shorten;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reason4j.app.recipes.common.ComparisonTable;
import dev.reason4j.app.recipes.common.RecipeCommand;
import dev.reason4j.lm.hf.HfTokenizer;
import dev.reason4j.lm.train.Objective;
import dev.reason4j.recipes.StageProgress;
import dev.reason4j.recipes.shorten.ShortTarget;
import dev.reason4j.recipes.shorten.ShortenRecipe;
import dev.reason4j.recipes.shorten.ShortenSettings;
import dev.reason4j.recipes.stages.ProblemSet;
import dev.reason4j.recipes.stages.RecipeContext;
import java.io.PrintWriter;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code reason4j shorten}: teaches a model to stop overthinking with its own shortened responses
 * ({@link ShortenRecipe}): sample K per problem, build FCS/FCS+Reflection/GDS/shortest targets and pairs against
 * the longest response, train (SimPO by default), and compare the model before and after on held-out problems.
 * Rerun with the same {@code --out} to resume after a kill.
 */
@Command(
        name = "shorten",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Self-training against overthinking (Chen et al., arXiv:2412.21187): sample K",
            "responses, shorten them to FCS / FCS+Reflection / GDS, train (SimPO, DPO, RPO",
            "or SFT) and compare the model before and after on held-out problems.",
            "  reason4j shorten --model models/qwq --data gsm8k_train.jsonl \\",
            "      --eval-data math500_test.jsonl --out runs/shorten1"
        })
public final class ShortenCommand extends RecipeCommand {

    @Option(names = "--k", defaultValue = "10", description = "Responses sampled per problem (default: ${DEFAULT-VALUE}).")
    int k;

    @Option(names = "--temperature", defaultValue = "1.0",
            description = "Temperature of the K samples (default: ${DEFAULT-VALUE}).")
    double temperature;

    @Option(names = "--top-p", defaultValue = "1.0", description = "Top-p of the K samples (default: ${DEFAULT-VALUE}).")
    double topP;

    @Option(names = "--target", defaultValue = "fcs_reflection",
            description = "Short target: fcs, fcs_reflection, gds or shortest (default: ${DEFAULT-VALUE}).")
    String target;

    @Option(names = "--method", defaultValue = "simpo",
            description = "simpo, dpo or rpo on pairs (target over the longest response), or sft on the targets "
                    + "(default: ${DEFAULT-VALUE}).")
    String method;

    @Override
    public int execute(StageProgress progress) {
        ShortenSettings settings = new ShortenSettings(recipe.sampling().sampling(k, temperature, topP),
                recipe.sampling().evaluation(), ShortTarget.byName(target),
                recipe.training().config(Objective.parse(method)), recipe.training().lengthLimit());
        PrintWriter w = spec.commandLine().getOut();
        ProblemSet.Split split = recipe.problems(w);
        try (HfTokenizer tokenizer = recipe.model().tokenizer(); RecipeContext context = recipe.context(tokenizer)) {
            ObjectNode summary = new ShortenRecipe(settings, context)
                    .run(recipe.out(), recipe.model().model(), split.train(), split.heldOut(), recipe.runConfig(), progress);
            JsonNode trained = summary.path("stages").path(ShortenRecipe.TRAIN);
            w.printf(Locale.ROOT, "trained %s on %s: %,d steps, final loss %.4f%n", summary.path("method").asText(),
                    summary.path("data_set").asText(), trained.path("steps").asLong(), trained.path("final_loss").asDouble());
            ComparisonTable.print(w, summary.path("comparison"));
            w.printf("model: %s%nsummary: %s%n", recipe.out().resolve(ShortenRecipe.TRAIN),
                    recipe.out().resolve(ShortenRecipe.SUMMARY));
            w.flush();
        }
        return 0;
    }
}
