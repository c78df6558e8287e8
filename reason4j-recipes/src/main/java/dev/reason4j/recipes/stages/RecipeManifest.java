package dev.reason4j.recipes.stages;

import dev.reason4j.core.provenance.RunManifest;
import java.util.Map;

/**
 * The part every model-running recipe's {@code run.json} shares: how responses are analysed and prompted, which
 * problems train and which evaluate (file hashes and id digests), how the caller runs models, and the starting
 * model's files. The recipe adds its own settings and seeds.
 */
public final class RecipeManifest {

    private RecipeManifest() {}

    /**
     * @param runConfig how the caller runs models (device, server)
     */
    public static RunManifest.Builder builder(String command, RecipeContext context, Checkpoint model,
            ProblemSet train, ProblemSet eval, Map<String, Object> runConfig) {
        RunManifest.Builder job = RunManifest.builder(command)
                .config(context.toConfig())
                .config("train_problems_sha256", train.idsDigest())
                .config("eval_problems_sha256", eval.idsDigest())
                .config(runConfig)
                .input(train.source())
                .input(eval.source());
        model.inputs().forEach(job::input);
        return job;
    }
}
