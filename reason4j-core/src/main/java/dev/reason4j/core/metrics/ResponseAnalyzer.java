package dev.reason4j.core.metrics;

import dev.reason4j.core.grading.MathGrader;
import dev.reason4j.core.metrics.split.AnswerFinder;
import dev.reason4j.core.metrics.split.CandidateSolution;
import dev.reason4j.core.metrics.split.HeuristicSolutionClusterer;
import dev.reason4j.core.metrics.split.ReasoningParts;
import dev.reason4j.core.metrics.split.RuleBasedSolutionSplitter;
import dev.reason4j.core.metrics.split.SolutionClusterer;
import dev.reason4j.core.metrics.split.SolutionSplitter;
import dev.reason4j.core.metrics.split.SplitRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Analyses one response: splits it into solution rounds (or takes the input's own split), finds and grades each
 * round's answer, decides which rounds are distinct, and counts tokens, giving everything the overthinking metrics
 * of Chen et al. (arXiv:2412.21187) need per response (see {@link ResponseAnalysis}).
 *
 * <p>Every answer is found with the grader's extractor and every comparison is the grader's: a round is correct
 * when {@code grade(gold, answer)} is equal, and a round repeats an earlier answer when
 * {@code grade(earlierAnswer, answer)} is equal. With split solutions from the input, their own {@code correct} and
 * {@code cluster} values win over the grader's and the clusterer's.
 *
 * <p>Thread-safe when its parts are (the grader, the rule-based splitter and heuristic clusterer are).
 */
public final class ResponseAnalyzer {

    private final MathGrader grader;
    private final SolutionSplitter splitter;
    private final SolutionClusterer clusterer;
    private final TokenCounter tokens;
    private final AnswerFinder answers;
    private final String thinkEndTag;

    /**
     * @param grader decides answers and their equality
     * @param splitter splits responses that come without a split
     * @param clusterer decides distinctness when the input gives no clusters
     * @param tokens counts tokens
     * @param thinkEndTag the tag after which the summary starts, for the summary token count (see
     *     {@link ReasoningParts})
     */
    public ResponseAnalyzer(MathGrader grader, SolutionSplitter splitter, SolutionClusterer clusterer,
            TokenCounter tokens, String thinkEndTag) {
        this.grader = Objects.requireNonNull(grader, "grader");
        this.splitter = Objects.requireNonNull(splitter, "splitter");
        this.clusterer = Objects.requireNonNull(clusterer, "clusterer");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.answers = AnswerFinder.anyAnswer(grader.extractor());
        if (thinkEndTag == null || thinkEndTag.isBlank()) {
            throw new IllegalArgumentException("thinkEndTag must not be blank, got '" + thinkEndTag + "'");
        }
        this.thinkEndTag = thinkEndTag;
    }

    /** The rule-based splitter with {@code rules} and the heuristic clusterer with the default vocabulary. */
    public static ResponseAnalyzer withRules(MathGrader grader, SplitRules rules, TokenCounter tokens) {
        return new ResponseAnalyzer(grader, new RuleBasedSolutionSplitter(rules, grader.extractor()),
                new HeuristicSolutionClusterer(), tokens, rules.thinkEndTag());
    }

    public SolutionSplitter splitter() {
        return splitter;
    }

    public SolutionClusterer clusterer() {
        return clusterer;
    }

    public TokenCounter tokenCounter() {
        return tokens;
    }

    /** Analyses one response. */
    public ResponseAnalysis analyze(ResponseInput input) {
        List<String> texts = input.presplit()
                ? input.givenSolutions().stream().map(GivenSolution::solution).toList()
                : splitter.split(input.problem(), input.response());
        int n = texts.size();
        int[] roundTokens = new int[n];
        String[] roundAnswers = new String[n];
        long roundTokenSum = 0;
        for (int i = 0; i < n; i++) {
            roundTokens[i] = tokens.count(texts.get(i));
            roundTokenSum += roundTokens[i];
            roundAnswers[i] = answers.find(texts.get(i)).orElse(null);
        }
        boolean[] correct = verdicts(input, roundAnswers);
        int[] sameAnswerAs = earlierEqualAnswers(roundAnswers);
        int[] clusters = clusters(input, texts, roundAnswers, sameAnswerAs);

        List<AnalyzedSolution> solutions = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            solutions.add(new AnalyzedSolution(texts.get(i), roundTokens[i], roundAnswers[i], correct[i],
                    clusters[i], !seenBefore(clusters, i), sameAnswerAs[i] >= 0));
        }

        String response = input.response();
        boolean tiles = response == null || String.join("", texts).equals(response);
        long total = tiles ? roundTokenSum : Math.max(roundTokenSum, tokens.count(response));
        long summaryTokens = 0;
        if (response != null) {
            String summary = ReasoningParts.of(response, thinkEndTag).summary();
            summaryTokens = summary.isEmpty() ? 0 : Math.min(total, tokens.count(summary));
        }

        String finalAnswer = response != null && !response.isBlank()
                ? answers.find(response).orElse(null)
                : roundAnswers[n - 1];
        boolean finalCorrect = input.gold() != null
                ? finalAnswer != null && grader.grade(input.gold(), finalAnswer).equal()
                : correct[n - 1];
        return new ResponseAnalysis(finalAnswer, finalCorrect, total, summaryTokens, solutions,
                input.presplit() ? SplitSource.INPUT : SplitSource.SPLITTER);
    }

    /** Per round: the input's verdict when it gives one, else the grader's against the gold answer. */
    private boolean[] verdicts(ResponseInput input, String[] roundAnswers) {
        boolean[] correct = new boolean[roundAnswers.length];
        for (int i = 0; i < roundAnswers.length; i++) {
            Boolean given = input.presplit() ? input.givenSolutions().get(i).correct() : null;
            correct[i] = given != null
                    ? given
                    : roundAnswers[i] != null && grader.grade(input.gold(), roundAnswers[i]).equal();
        }
        return correct;
    }

    /** For each round, the earliest earlier round whose answer the grader finds equal, or -1. */
    private int[] earlierEqualAnswers(String[] roundAnswers) {
        int[] same = new int[roundAnswers.length];
        List<Integer> firstOfEachAnswer = new ArrayList<>();
        for (int i = 0; i < roundAnswers.length; i++) {
            same[i] = -1;
            if (roundAnswers[i] == null) {
                continue;
            }
            for (int earlier : firstOfEachAnswer) {
                if (grader.grade(roundAnswers[earlier], roundAnswers[i]).equal()) {
                    same[i] = earlier;
                    break;
                }
            }
            if (same[i] < 0) {
                firstOfEachAnswer.add(i);
            }
        }
        return same;
    }

    /** The input's clusters when it gives one for every round, else the clusterer's. */
    private int[] clusters(ResponseInput input, List<String> texts, String[] roundAnswers, int[] sameAnswerAs) {
        if (input.presplit() && input.givenSolutions().stream().allMatch(s -> s.cluster() != null)) {
            return input.givenSolutions().stream().mapToInt(GivenSolution::cluster).toArray();
        }
        List<CandidateSolution> candidates = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            candidates.add(new CandidateSolution(texts.get(i), roundAnswers[i], sameAnswerAs[i]));
        }
        int[] clusters = clusterer.clusters(input.problem(), candidates);
        if (clusters.length != texts.size()) {
            throw new IllegalStateException(clusterer.name() + " clusterer returned " + clusters.length
                    + " clusters for " + texts.size() + " rounds");
        }
        return clusters;
    }

    private static boolean seenBefore(int[] clusters, int i) {
        for (int j = 0; j < i; j++) {
            if (clusters[j] == clusters[i]) {
                return true;
            }
        }
        return false;
    }
}
