package dev.reason4j.testbed.world;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * How an "overthinking" reference solution pads the concise one, drawn once per problem so that its code and
 * written renderings overthink in the same way. It imitates what Chen et al., "Do NOT Think That Much for 2+3=?
 * On the Overthinking of o1-Like LLMs" (arXiv:2412.21187, 2024) measure in o1-like models: the first solution
 * round already reaches the right answer, and the rounds after it re-verify it with little new.
 *
 * <ul>
 *   <li>{@code restateFirst} (probability {@value #RESTATE_FIRST}): the problem is restated before solving;</li>
 *   <li>{@code wrongStep} (probability {@value #WRONG_STEP}): one step first uses the wrong operation and is
 *       then corrected ({@code -1} for none);</li>
 *   <li>{@code recaps}: after each chain step but the last, with probability {@value #RECAP}, the value so far
 *       is restated;</li>
 *   <li>{@code checks}: 1 to 4 verification rounds of distinct kinds (probabilities 0.35, 0.35, 0.2, 0.1);</li>
 *   <li>{@code finalRestatement} (probability {@value #FINAL_RESTATEMENT}): the answer is stated once more.</li>
 * </ul>
 *
 * @param restateFirst restate the problem before the first step
 * @param wrongStep index of the step that is first done wrong, or -1
 * @param recaps indices of steps after which the value so far is restated
 * @param checks verification rounds, in order
 * @param finalRestatement end the written solution with "Final Answer: \boxed{…}"
 */
public record OverthinkingPlan(
        boolean restateFirst, int wrongStep, Set<Integer> recaps, List<Check> checks, boolean finalRestatement) {

    static final double RESTATE_FIRST = 0.5;
    static final double WRONG_STEP = 0.3;
    static final double RECAP = 0.15;
    static final double FINAL_RESTATEMENT = 0.5;
    private static final double[] CHECK_COUNT_WEIGHTS = {0.35, 0.35, 0.2, 0.1};

    /** A kind of verification round. */
    public enum CheckKind {
        /** Recompute every step. */
        RECHECK_STEPS,
        /** Compute the answer again as one expression of the given numbers. */
        ONE_EXPRESSION,
        /** Undo the chain's steps from the answer back to the starting value (only when every step can be undone). */
        WORK_BACKWARDS,
        /** Check one step by its inverse operation. */
        CHECK_STEP,
        /** Re-read the question and make sure the extra sentences do not matter. */
        REREAD
    }

    /**
     * One verification round.
     *
     * @param kind what it does
     * @param step the step it checks, for {@link CheckKind#CHECK_STEP}; else -1
     */
    public record Check(CheckKind kind, int step) {
        public Check {
            Objects.requireNonNull(kind, "kind");
            if ((kind == CheckKind.CHECK_STEP) != (step >= 0)) {
                throw new IllegalArgumentException("step must be set exactly for CHECK_STEP, got " + kind + " " + step);
            }
        }
    }

    public OverthinkingPlan {
        recaps = Set.copyOf(recaps);
        checks = List.copyOf(checks);
        if (checks.isEmpty()) {
            throw new IllegalArgumentException("an overthinking plan needs at least one check");
        }
    }

    /** Draws a plan for a solution made of {@code steps}. */
    static OverthinkingPlan draw(List<Step> steps, WorldRandom random) {
        boolean restateFirst = random.chance(RESTATE_FIRST);
        int wrongStep = random.chance(WRONG_STEP) ? wrongStepCandidate(steps, random) : -1;
        Set<Integer> recaps = new TreeSet<>();
        for (int i = 0; i < steps.size() - 1; i++) {
            if (steps.get(i).chain() && random.chance(RECAP)) {
                recaps.add(i);
            }
        }
        List<CheckKind> kinds = new ArrayList<>(List.of(CheckKind.values()));
        if (!Backwards.possible(steps)) {
            kinds.remove(CheckKind.WORK_BACKWARDS);
        }
        kinds = random.shuffled(kinds);
        int count = 1 + random.weighted(CHECK_COUNT_WEIGHTS);
        List<Check> checks = new ArrayList<>();
        for (CheckKind kind : kinds.subList(0, Math.min(count, kinds.size()))) {
            checks.add(new Check(kind, kind == CheckKind.CHECK_STEP ? random.index(steps.size()) : -1));
        }
        return new OverthinkingPlan(restateFirst, wrongStep, recaps, checks, random.chance(FINAL_RESTATEMENT));
    }

    /** A step whose confused operation is defined and gives a different value, or -1 when there is none. */
    private static int wrongStepCandidate(List<Step> steps, WorldRandom random) {
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            if (WrongStep.of(steps.get(i)) != null) {
                candidates.add(i);
            }
        }
        return candidates.isEmpty() ? -1 : random.pick(candidates);
    }
}
