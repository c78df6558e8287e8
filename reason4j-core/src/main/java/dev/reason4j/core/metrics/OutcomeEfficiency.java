package dev.reason4j.core.metrics;

import java.util.Collection;

/**
 * Outcome efficiency ξ<sub>O</sub> of Chen et al., "Do NOT Think That Much for 2+3=? On the Overthinking of
 * o1-Like LLMs", arXiv:2412.21187 (Section 2.3): the share of a response's tokens that were needed to reach the
 * first correct answer, averaged over responses.
 *
 * <pre>
 *   ξ_O = (1/N) Σ_{i=1..N} σ_i · T̂_i / T_i
 * </pre>
 * where, for response i, T<sub>i</sub> is its number of tokens, T̂<sub>i</sub> the tokens from its start up to and
 * including its first correct solution round, and σ<sub>i</sub> = 1 when at least one round is correct, else 0
 * (a response with no correct round contributes 0, however short it is). A response whose only round is correct
 * scores 1; one that keeps going after a correct first round scores below 1.
 *
 * <p>The mean is over <em>responses</em>, each weighing 1/N, as the paper's formula says. The authors' reference
 * code instead averages per-solution values, which weights each response by its number of solutions and lets the
 * most overthought responses dominate; this class does not reproduce that bug.
 */
public final class OutcomeEfficiency {

    private OutcomeEfficiency() {}

    /** σ·T̂/T of one response; 0 when no round is correct or the response has no tokens. */
    public static double term(ResponseAnalysis response) {
        if (!response.anyCorrect() || response.tokens() == 0) {
            return 0;
        }
        return (double) response.tokensToFirstCorrect() / response.tokens();
    }

    /**
     * ξ<sub>O</sub> over {@code responses}: the plain mean of their terms.
     *
     * @throws IllegalArgumentException when there are no responses
     */
    public static double of(Collection<ResponseAnalysis> responses) {
        if (responses.isEmpty()) {
            throw new IllegalArgumentException("outcome efficiency needs at least one response");
        }
        return responses.stream().mapToDouble(OutcomeEfficiency::term).sum() / responses.size();
    }
}
