package dev.reason4j.core.metrics.split;

import java.util.List;

/**
 * Groups the solution rounds of one response by reasoning strategy, the diversity judgement behind the process
 * efficiency of Chen et al., "Do NOT Think That Much for 2+3=? On the Overthinking of o1-Like LLMs",
 * arXiv:2412.21187 (Section 2.3), where GPT-4o clusters the rounds. A round is <em>distinct</em> when its cluster
 * differs from the clusters of all earlier rounds.
 *
 * <p>Implementations: {@link HeuristicSolutionClusterer} (new answer or new approach terms, the default); an
 * LLM-judge clusterer through a language model comes with the model client. Implementations are thread-safe.
 */
public interface SolutionClusterer {

    /**
     * One cluster id per round, numbered in order of first appearance: the first round is in cluster 0, and a
     * round that opens a new cluster gets the next unused id.
     *
     * @param problem the question, as context; may be empty
     * @param solutions the rounds in response order, with their answers
     */
    int[] clusters(String problem, List<CandidateSolution> solutions);

    /** A short name recorded in run configs and summaries, e.g. {@code heuristic}. */
    String name();
}
