package dev.reason4j.search;

import dev.reason4j.core.grading.MathGrader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Groups candidate answers by mathematical equality and picks one by an {@link AnswerSelection}. */
final class AnswerVote {

    private AnswerVote() {}

    /**
     * Clusters of equal answers, in order of first appearance. Answers with the same normalised text join without a
     * grader call; distinct texts are compared with {@link MathGrader#grade} against each cluster's first answer.
     */
    static List<AnswerCluster> cluster(List<Candidate> candidates, MathGrader grader) {
        Map<String, List<Candidate>> byText = new LinkedHashMap<>();
        for (Candidate c : candidates) {
            byText.computeIfAbsent(grader.parse(c.answer()).normalized(), k -> new ArrayList<>()).add(c);
        }
        List<List<Candidate>> groups = new ArrayList<>();
        for (List<Candidate> same : byText.values()) {
            List<Candidate> home = null;
            for (List<Candidate> group : groups) {
                if (grader.grade(group.get(0).answer(), same.get(0).answer()).equal()) {
                    home = group;
                    break;
                }
            }
            if (home == null) {
                groups.add(new ArrayList<>(same));
            } else {
                home.addAll(same);
            }
        }
        return groups.stream().map(AnswerVote::summarise).toList();
    }

    private static AnswerCluster summarise(List<Candidate> group) {
        Candidate best = group.get(0);
        double weight = 0;
        List<Integer> nodes = new ArrayList<>();
        for (Candidate c : group) {
            weight += c.weight();
            nodes.add(c.node());
            if (Double.isNaN(best.score()) && !Double.isNaN(c.score()) || c.score() > best.score()) {
                best = c;
            }
        }
        nodes.sort(null);
        return new AnswerCluster(group.get(0).answer(), nodes, weight, best.score(), best.node());
    }

    /** The chosen cluster; ties go to more votes, then more weight, then the earlier cluster. */
    static Optional<AnswerCluster> choose(List<AnswerCluster> clusters, AnswerSelection selection) {
        Comparator<AnswerCluster> byScore = Comparator.comparingDouble(c -> Double.isNaN(c.bestScore())
                ? Double.NEGATIVE_INFINITY : c.bestScore());
        Comparator<AnswerCluster> byVotes = Comparator.comparingInt(AnswerCluster::votes);
        Comparator<AnswerCluster> byWeight = Comparator.comparingDouble(AnswerCluster::weight);
        Comparator<AnswerCluster> order = switch (selection) {
            case TOP_SCORE -> byScore.thenComparing(byVotes).thenComparing(byWeight);
            case MAJORITY -> byVotes.thenComparing(byWeight).thenComparing(byScore);
            case WEIGHTED -> byWeight.thenComparing(byVotes).thenComparing(byScore);
        };
        AnswerCluster chosen = null;
        for (AnswerCluster c : clusters) { // strictly better only: the earlier cluster wins a full tie
            if (chosen == null || order.compare(c, chosen) > 0) {
                chosen = c;
            }
        }
        return Optional.ofNullable(chosen);
    }
}
