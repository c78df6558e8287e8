package dev.reason4j.app.analyze;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reason4j.app.report.Charts;
import dev.reason4j.core.metrics.AnalysisSummary;
import dev.reason4j.core.metrics.TokenDistribution;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The run a model is compared with for the Accuracy-Efficiency Score: its number of responses, mean length and
 * accuracy, and its length CDF for the report.
 *
 * @param source what it was read from, for the summary and the report
 * @param responses responses in the baseline
 * @param meanTokens its mean response length L<sub>baseline</sub>
 * @param accuracy its accuracy A<sub>baseline</sub>
 * @param tokenCounting the name of the token counter its lengths come from
 * @param cdf its length CDF, for the report
 */
record Baseline(
        String source, long responses, double meanTokens, double accuracy, String tokenCounting,
        List<Charts.Point> cdf) {

    Baseline {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(tokenCounting, "tokenCounting");
        cdf = List.copyOf(cdf);
        if (responses == 0) {
            throw new IllegalArgumentException("baseline " + source + " has no analysed responses");
        }
        if (!(meanTokens > 0)) {
            throw new IllegalArgumentException("baseline " + source + " has mean length " + meanTokens
                    + " tokens; AES divides by it");
        }
        if (!(accuracy > 0 && accuracy <= 1)) {
            throw new IllegalArgumentException("baseline " + source + " has accuracy " + accuracy
                    + "; AES divides by it, so the baseline must solve at least one problem");
        }
    }

    /** Whether {@code path} names an earlier analysis (its run directory or its summary.json) rather than responses. */
    static boolean isSummary(Path path) {
        return Files.isDirectory(path) || path.getFileName().toString().equals(AnalyzeCommand.SUMMARY);
    }

    /** A baseline analysed in this run. */
    static Baseline of(Path file, AnalysisSummary summary, String tokenCounting) {
        List<Charts.Point> cdf = new ArrayList<>();
        for (TokenDistribution.CdfPoint p : summary.tokens().cdf()) {
            cdf.add(new Charts.Point(p.tokens(), p.share()));
        }
        return new Baseline(file.toString(), summary.responses(), summary.meanTokens(), summary.accuracy(),
                tokenCounting, cdf);
    }

    /**
     * Reads the {@code summary.json} of an earlier {@code reason4j analyze} run.
     *
     * @param path its run directory or the file itself
     * @throws IllegalArgumentException naming the file and field when it is not such a summary
     */
    static Baseline fromSummary(Path path, ObjectMapper mapper) throws IOException {
        Path file = Files.isDirectory(path) ? path.resolve(AnalyzeCommand.SUMMARY) : path;
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("--baseline " + path + ": no " + AnalyzeCommand.SUMMARY + " there");
        }
        JsonNode s = mapper.readTree(file.toFile());
        List<Charts.Point> cdf = new ArrayList<>();
        for (JsonNode p : s.path("distributions").path("tokens").path("cdf")) {
            cdf.add(new Charts.Point(p.path(0).asDouble(), p.path(1).asDouble()));
        }
        return new Baseline(file.toString(), (long) number(s, "responses", file), number(s, "mean_tokens", file),
                number(s, "accuracy", file), text(s.path("token_counting"), "name", file), cdf);
    }

    /**
     * Refuses to compare lengths counted differently.
     *
     * @throws IllegalArgumentException when the baseline's tokens were counted by another counter
     */
    void requireCountedBy(String tokenCounter) {
        if (!tokenCounting.equals(tokenCounter)) {
            throw new IllegalArgumentException("baseline " + source + " counted tokens with '" + tokenCounting
                    + "', this run with '" + tokenCounter + "'; AES compares lengths, so both must use the same"
                    + " --tokenizer");
        }
    }

    private static double number(JsonNode s, String field, Path file) {
        JsonNode n = s.get(field);
        if (n == null || !n.isNumber()) {
            throw new IllegalArgumentException(file + ", field '" + field + "': missing or not a number "
                    + "(expected the summary.json of reason4j analyze)");
        }
        return n.doubleValue();
    }

    private static String text(JsonNode node, String field, Path file) {
        JsonNode n = node.get(field);
        if (n == null || !n.isTextual()) {
            throw new IllegalArgumentException(file + ", field 'token_counting." + field + "': missing");
        }
        return n.textValue();
    }
}
