package dev.reason4j.app.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reason4j.app.recipes.common.CliStageProgress;
import dev.reason4j.app.recipes.common.ComparisonTable;
import dev.reason4j.app.recipes.common.RecipeCommand;
import dev.reason4j.app.recipes.prune.PruneCommand;
import dev.reason4j.app.recipes.shorten.ShortenCommand;
import dev.reason4j.recipes.RecipeInputException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Part (c): a short run of a recipe that makes the model think less, compared before and after on the first
 * held-out problems: {@code reason4j shorten} (SimPO on FCS+Reflection targets against the longest response) or
 * {@code reason4j prune} (O1-Pruner, with the fast-solving prompt, SFT and DPO baselines). The table is the
 * recipe's own ({@code comparison} of its {@code summary.json}: accuracy, tokens, solution rounds, ξ_O, ξ_P, AES
 * against the starting model). A recipe that finds nothing to train on (no correct response to learn from) is
 * reported with the recipe's reason instead of a table.
 */
final class RecipePart implements DemoPart {

    private final String id;
    private final String title;
    private final Supplier<RecipeCommand> command;
    private final Function<DemoSize, DemoSize.Recipe> size;
    private final BiFunction<DemoSetup, DemoSize.Recipe, List<String>> options;
    private final ObjectMapper mapper;

    /**
     * @param size the part's size in a mode
     * @param options the recipe's own options for the demo's setup and that size
     */
    private RecipePart(String id, String title, Supplier<RecipeCommand> command, Function<DemoSize, DemoSize.Recipe> size,
            BiFunction<DemoSetup, DemoSize.Recipe, List<String>> options, ObjectMapper mapper) {
        this.id = id;
        this.title = title;
        this.command = command;
        this.size = size;
        this.options = options;
        this.mapper = mapper;
    }

    /**
     * The overthinking self-training (Chen et al., arXiv:2412.21187): SimPO on FCS+Reflection pairs. A code-format
     * response checks itself with asserts before its one answer, so it is one solution round and its FCS+Reflection
     * is the whole response: code responses train on the paper's other target, the shortest correct response.
     */
    static RecipePart shorten(ObjectMapper mapper) {
        return new RecipePart("shorten", "(c) shorten: SimPO on FCS+Reflection (cot) or shortest correct (code) "
                + "targets, before and after", ShortenCommand::new, DemoSize::shorten,
                (setup, r) -> List.of("--target", setup.responseProtocol() == Protocol.code ? "shortest" : "fcs_reflection",
                        "--method", "simpo"), mapper);
    }

    /** O1-Pruner and its baselines (Luo et al., arXiv:2501.12570). */
    static RecipePart prune(ObjectMapper mapper) {
        return new RecipePart("prune", "(c) prune: O1-Pruner against the fast prompt, SFT and DPO",
                PruneCommand::new, DemoSize::prune, (setup, r) -> List.of("--m", Integer.toString(r.trainedSamples()),
                        "--baselines", "fast-prompt,sft,dpo"), mapper);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public ObjectNode run(DemoSetup setup) throws IOException {
        DemoSize.Recipe recipe = size.apply(setup.size());
        Path dir = setup.out().resolve(id);
        List<String> args = new ArrayList<>(setup.responseSampling(dir));
        args.addAll(List.of("--data", setup.problems().train().toString(),
                "--limit", Integer.toString(recipe.trainProblems()),
                "--eval-data", setup.problems().test().toString(),
                "--eval-limit", Integer.toString(recipe.evalProblems()),
                "--k", Integer.toString(recipe.samples()),
                "--max-steps", Integer.toString(recipe.steps()),
                "--lr", Double.toString(recipe.learningRate()),
                "--train-seed", Long.toString(setup.seed()),
                // sampled text tokenized again may come out longer than the tokens sampled: cut it to the context
                "--max-length", Integer.toString(setup.models().policyContext())));
        args.addAll(options.apply(setup, recipe));
        ObjectNode result = mapper.createObjectNode().put("dir", id);
        try {
            EmbeddedCommand.parse(command.get(), id, args, setup.printer()).execute(new CliStageProgress());
        } catch (RecipeInputException nothingToTrainOn) {
            return result.put("skipped", nothingToTrainOn.getMessage());
        }
        return result.setAll((ObjectNode) mapper.readTree(dir.resolve("summary.json").toFile()));
    }

    @Override
    public void print(PrintWriter w, JsonNode result) {
        if (result.has("skipped")) {
            w.println("not trained: " + result.path("skipped").asText());
        } else {
            ComparisonTable.print(w, result.path("comparison"));
        }
        w.flush();
    }
}
