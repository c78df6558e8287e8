package dev.reason4j.recipes.stages;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reason4j.lm.train.TrainingResult;
import java.nio.file.Path;

/**
 * The lines a recipe's {@code summary.json} gives each of its stages: where the stage's files are (relative to the
 * recipe's run directory) and its headline numbers. Only what an uninterrupted and a resumed run agree on is
 * written (no times), so the summary of a recipe killed and resumed equals that of one run straight through.
 */
public final class StageSummaries {

    private StageSummaries() {}

    /** A sampling or evaluation stage. */
    public static ObjectNode of(SampleResult r, Path runDir, ObjectMapper mapper) {
        ObjectNode o = mapper.createObjectNode()
                .put("dir", relative(runDir, r.dir()))
                .put("responses_file", relative(runDir, r.responses()))
                .put("problems", r.counts().total())
                .put("responses", r.summary().responses());
        number(o, "accuracy", r.summary().accuracy());
        number(o, "mean_tokens", r.summary().meanTokens());
        return o.put("issues", r.summary().issueCount());
    }

    /** A training stage. */
    public static ObjectNode of(TrainingResult r, Path runDir, ObjectMapper mapper) {
        ObjectNode o = mapper.createObjectNode()
                .put("dir", relative(runDir, r.modelDir()))
                .put("steps", r.steps())
                .put("tokens", r.tokens());
        number(o, "final_loss", r.finalLoss());
        return o;
    }

    /** {@code path} relative to {@code runDir}, with forward slashes. */
    public static String relative(Path runDir, Path path) {
        return runDir.toAbsolutePath().normalize().relativize(path.toAbsolutePath().normalize()).toString()
                .replace('\\', '/');
    }

    /** {@code value}, or null when it is undefined (JSON has no NaN). */
    static void number(ObjectNode o, String field, double value) {
        if (Double.isFinite(value)) {
            o.put(field, value);
        } else {
            o.putNull(field);
        }
    }
}
