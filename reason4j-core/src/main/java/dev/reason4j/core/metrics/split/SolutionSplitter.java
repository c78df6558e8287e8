package dev.reason4j.core.metrics.split;

import java.util.List;

/**
 * Cuts a response into solution rounds: each round is one complete attempt that reaches an answer (the first
 * solution, a verification, an alternative approach), following Chen et al., "Do NOT Think That Much for 2+3=? On
 * the Overthinking of o1-Like LLMs", arXiv:2412.21187, §2.
 *
 * <p>Implementations: {@link RuleBasedSolutionSplitter} (markers and explicit answers, no model calls); the paper's
 * three-stage LLM-judge splitter plugs in here. A splitter must be safe for use by several threads and must never
 * fail on odd text: a text it cannot cut is one round.
 */
public interface SolutionSplitter {

    /**
     * The rounds of {@code response}, in order; empty only when {@code response} is blank.
     *
     * @param problem the problem the response answers (an LLM judge needs it; the rules ignore it)
     * @param response the whole response, reasoning and summary
     */
    List<String> split(String problem, String response);

    /** A short name recorded with results, e.g. {@code rules}. */
    String name();
}
