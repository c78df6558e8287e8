package dev.reason4j.recipes.shorten;

import dev.reason4j.core.metrics.AnalyzedResponse;
import dev.reason4j.core.metrics.AnalyzedSolution;
import dev.reason4j.recipes.ProblemSamples;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Shortens one sampled response into a training target, as in the self-training of Chen et al., "Do NOT Think That
 * Much for 2+3=? On the Overthinking of o1-Like LLMs", arXiv:2412.21187, §4: keep the rounds that earn their
 * tokens, drop the repeated verifications after them.
 *
 * <p>With the response split into solution rounds {@code s_1 … s_M} (each graded, each flagged when it brings a new
 * approach cluster or a new answer), and {@code f} the first correct round:
 * <ul>
 *   <li><b>FCS</b> (First-Correct Solution): {@code s_1 … s_f}. Rounds before {@code f} are wrong attempts the
 *       response needed on its way, so they stay.</li>
 *   <li><b>FCS+Reflection</b>: {@code s_1 … s_g} where {@code g} is the second correct round, keeping one
 *       reflection that confirms the answer; FCS when no second round is correct.</li>
 *   <li><b>GDS</b> (Greedily Diverse Solutions): FCS, then {@code s_{f+1}, s_{f+2}, …} appended while each one
 *       brings something new (a new approach: {@link AnalyzedSolution#distinct()}, or an answer no earlier round
 *       reached), stopping at the first that does not; trailing rounds that are not correct are then dropped so
 *       the target ends on the right answer.</li>
 * </ul>
 * A response without a correct round gives none of them. The target's text is its rounds joined as they appear
 * in the response (blank lines between them when the rounds were split elsewhere and do not tile it), and its
 * tokens are the rounds' token counts summed. Known limit: rounds after the kept ones are dropped with whatever
 * they held, including a summary after {@code </think>}.
 */
public final class ResponseSimplification {

    /**
     * A shortened response.
     *
     * @param text the kept rounds' text
     * @param tokens their tokens
     * @param rounds how many rounds were kept
     */
    public record Simplified(String text, long tokens, int rounds) {
        public Simplified {
            Objects.requireNonNull(text, "text");
        }
    }

    private ResponseSimplification() {}

    /** The target {@code target} of {@code response}; {@link ShortTarget#SHORTEST} keeps the whole response. */
    public static Optional<Simplified> of(ShortTarget target, AnalyzedResponse response) {
        return switch (target) {
            case FCS -> firstCorrect(response);
            case FCS_REFLECTION -> firstCorrectWithReflection(response);
            case GDS -> greedilyDiverse(response);
            case SHORTEST -> Optional.of(new Simplified(ProblemSamples.text(response), response.analysis().tokens(),
                    response.analysis().solutionCount()));
        };
    }

    /** FCS: up to and including the first correct round. */
    public static Optional<Simplified> firstCorrect(AnalyzedResponse response) {
        List<AnalyzedSolution> rounds = response.analysis().solutions();
        int first = nextCorrect(rounds, 0);
        return first < 0 ? Optional.empty() : Optional.of(keep(response, first + 1));
    }

    /** FCS+Reflection: up to and including the second correct round, else FCS. */
    public static Optional<Simplified> firstCorrectWithReflection(AnalyzedResponse response) {
        List<AnalyzedSolution> rounds = response.analysis().solutions();
        int first = nextCorrect(rounds, 0);
        if (first < 0) {
            return Optional.empty();
        }
        int second = nextCorrect(rounds, first + 1);
        return Optional.of(keep(response, (second < 0 ? first : second) + 1));
    }

    /** GDS: FCS, then following rounds while each brings a new approach or answer, ending on a correct round. */
    public static Optional<Simplified> greedilyDiverse(AnalyzedResponse response) {
        List<AnalyzedSolution> rounds = response.analysis().solutions();
        int first = nextCorrect(rounds, 0);
        if (first < 0) {
            return Optional.empty();
        }
        int end = first + 1;
        while (end < rounds.size() && bringsSomethingNew(rounds.get(end))) {
            end++;
        }
        while (!rounds.get(end - 1).correct()) {
            end--; // stops at the first correct round at the latest
        }
        return Optional.of(keep(response, end));
    }

    private static boolean bringsSomethingNew(AnalyzedSolution round) {
        boolean newAnswer = round.answer() != null && !round.repeatsEarlierAnswer();
        return round.distinct() || newAnswer;
    }

    private static int nextCorrect(List<AnalyzedSolution> rounds, int from) {
        for (int i = from; i < rounds.size(); i++) {
            if (rounds.get(i).correct()) {
                return i;
            }
        }
        return -1;
    }

    /** The first {@code count} rounds of {@code response}. */
    private static Simplified keep(AnalyzedResponse response, int count) {
        List<AnalyzedSolution> rounds = response.analysis().solutions();
        List<String> texts = rounds.stream().map(AnalyzedSolution::text).toList();
        boolean tiles = response.response() != null && String.join("", texts).equals(response.response());
        String text = String.join(tiles ? "" : "\n\n", texts.subList(0, count));
        long tokens = rounds.subList(0, count).stream().mapToLong(AnalyzedSolution::tokens).sum();
        return new Simplified(text, tokens, count);
    }
}
