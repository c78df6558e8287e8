package dev.reason4j.recipes;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reason4j.core.metrics.AnalyzedResponse;
import dev.reason4j.core.metrics.AnalyzedSolution;
import dev.reason4j.core.metrics.ResponseAnalysis;
import dev.reason4j.core.metrics.SplitSource;
import dev.reason4j.core.metrics.io.ResponseAnalysisJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Responses split by hand into solution rounds, as the analysis would report them. */
public final class HandSplit {

    private HandSplit() {}

    /**
     * A round: its text, tokens, answer, whether that answer is right, its approach cluster, whether the cluster is
     * new, and whether an earlier round reached the same answer.
     */
    public static AnalyzedSolution round(String text, int tokens, String answer, boolean correct, int cluster,
            boolean distinct, boolean repeats) {
        return new AnalyzedSolution(text, tokens, answer, correct, cluster, distinct, repeats);
    }

    /** A response made of {@code rounds}, which tile it; its final answer is the last round's. */
    public static AnalyzedResponse response(String problemKey, int sample, AnalyzedSolution... rounds) {
        StringBuilder text = new StringBuilder();
        long tokens = 0;
        for (AnalyzedSolution r : rounds) {
            text.append(r.text());
            tokens += r.tokens();
        }
        AnalyzedSolution last = rounds[rounds.length - 1];
        ResponseAnalysis analysis = new ResponseAnalysis(last.answer(), last.correct(), tokens, 0, List.of(rounds),
                SplitSource.SPLITTER);
        return new AnalyzedResponse(sample + 1, sample, problemKey, "Question " + problemKey, "5", text.toString(),
                analysis);
    }

    /** A one-round response of {@code tokens} tokens, right or wrong. */
    public static AnalyzedResponse single(String problemKey, int sample, int tokens, boolean correct) {
        String answer = correct ? "5" : "6";
        return response(problemKey, sample,
                round("sample " + sample + " of " + problemKey + ": \\boxed{" + answer + "}", tokens, answer, correct,
                        0, true, false));
    }

    /** Writes {@code responses} as the per-response lines of {@code reason4j analyze}. */
    public static Path write(Path file, List<AnalyzedResponse> responses) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        ResponseAnalysisJson json = new ResponseAnalysisJson(mapper);
        List<String> lines = new ArrayList<>();
        for (AnalyzedResponse r : responses) {
            lines.add(mapper.writeValueAsString(json.write(r)));
        }
        Files.write(file, lines);
        return file;
    }
}
