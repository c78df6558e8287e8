package dev.reason4j.core.metrics;

import java.util.Collection;

/**
 * Process efficiency ξ<sub>P</sub> of Chen et al., "Do NOT Think That Much for 2+3=? On the Overthinking of
 * o1-Like LLMs", arXiv:2412.21187 (Section 2.3): the share of a response's tokens spent on rounds that add a new
 * perspective rather than repeating an earlier one, averaged over responses.
 *
 * <pre>
 *   ξ_P = (1/N) Σ_{i=1..N} D_i / T_i,     D_i = Σ_{m=1..M_i} τ_i^m · T_i^m
 * </pre>
 * where response i has M<sub>i</sub> solution rounds of T<sub>i</sub><sup>m</sup> tokens, and τ<sub>i</sub><sup>m</sup>
 * = 1 when round m is distinct from all earlier rounds (its strategy cluster is new; see
 * {@link dev.reason4j.core.metrics.split.SolutionClusterer}), else 0. The first round is always distinct, so a
 * single-round response scores 1.
 *
 * <p>The mean is over <em>responses</em>, each weighing 1/N, as the paper's formula says. The authors' reference
 * code instead averages per-solution values, which weights each response by its number of solutions; this class
 * does not reproduce that bug.
 */
public final class ProcessEfficiency {

    private ProcessEfficiency() {}

    /** D/T of one response; 0 when the response has no tokens. */
    public static double term(ResponseAnalysis response) {
        if (response.tokens() == 0) {
            return 0;
        }
        return (double) response.distinctTokens() / response.tokens();
    }

    /**
     * ξ<sub>P</sub> over {@code responses}: the plain mean of their terms.
     *
     * @throws IllegalArgumentException when there are no responses
     */
    public static double of(Collection<ResponseAnalysis> responses) {
        if (responses.isEmpty()) {
            throw new IllegalArgumentException("process efficiency needs at least one response");
        }
        return responses.stream().mapToDouble(ProcessEfficiency::term).sum() / responses.size();
    }
}
