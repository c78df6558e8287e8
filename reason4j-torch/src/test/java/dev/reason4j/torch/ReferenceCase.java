package dev.reason4j.torch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** One case of a fixture's {@code reference_outputs.json}, computed by transformers in float32. */
public record ReferenceCase(
        String prompt,
        int[] inputIds,
        float[] lastLogits,
        float[] firstLogitsHead,
        int[] top5Ids,
        double[] top5Logprobs,
        int[] greedy16,
        String continuation,
        int[] continuationIds,
        double continuationLogprobSum) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static List<ReferenceCase> read(Path checkpoint) {
        JsonNode root;
        try {
            root = JSON.readTree(checkpoint.resolve("reference_outputs.json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<ReferenceCase> cases = new ArrayList<>();
        for (JsonNode c : root.get("cases")) {
            JsonNode top5 = c.get("last_logsoftmax_top5");
            int[] ids = new int[top5.size()];
            double[] logprobs = new double[top5.size()];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = top5.get(i).get(0).asInt();
                logprobs[i] = top5.get(i).get(1).asDouble();
            }
            cases.add(new ReferenceCase(c.get("prompt").asText(), JSON.convertValue(c.get("input_ids"), int[].class),
                    JSON.convertValue(c.get("last_logits"), float[].class),
                    JSON.convertValue(c.get("first_logits_head"), float[].class), ids, logprobs,
                    JSON.convertValue(c.get("greedy_16"), int[].class), c.get("continuation").asText(),
                    JSON.convertValue(c.get("continuation_ids"), int[].class),
                    c.get("continuation_logprob_sum").asDouble()));
        }
        return cases;
    }

    /** Largest absolute difference between two equally long arrays. */
    public static double maxAbsDiff(float[] expected, float[] actual) {
        if (expected.length != actual.length) {
            throw new AssertionError("length " + actual.length + ", expected " + expected.length);
        }
        double max = 0;
        for (int i = 0; i < expected.length; i++) {
            max = Math.max(max, Math.abs(expected[i] - actual[i]));
        }
        return max;
    }
}
