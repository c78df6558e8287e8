package dev.reason4j.testbed.world;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reference solutions as plain chain-of-thought text: paragraphs separated by blank lines, the first solution
 * round ending with "So the answer is \boxed{X}." The concise style has one paragraph per operation. The
 * overthinking style follows the problem's {@link OverthinkingPlan}, and each verification round is one paragraph
 * that opens with a marker the rule-based solution splitter of {@code core.metrics} knows ("Let me double-check",
 * "Alternatively", "Wait", "Hmm") and ends with the boxed answer again, so the splitter sees one round per check,
 * as it would in the output of an o1-like model.
 */
public final class CotSolution {

    private static final List<String> CLOSERS = List.of("So the answer is %s.", "Yes, the answer is %s.",
            "The answer is still %s.", "So the answer is indeed %s.");

    private CotSolution() {}

    public static String concise(WorldProblem problem) {
        List<String> paragraphs = new ArrayList<>();
        problem.steps().forEach(s -> paragraphs.add(s.sentence()));
        paragraphs.add("So the answer is " + boxed(problem) + ".");
        return String.join("\n\n", paragraphs);
    }

    public static String overthinking(WorldProblem problem) {
        OverthinkingPlan plan = problem.plan();
        List<Step> steps = problem.steps();
        List<String> paragraphs = new ArrayList<>();
        if (plan.restateFirst()) {
            paragraphs.add("Let me restate the problem first. " + String.join(" ", problem.statement()) + " The question is: "
                    + problem.ask());
        }
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            if (i == plan.wrongStep()) {
                WrongStep wrong = WrongStep.of(step);
                paragraphs.add(wrong.sentence());
                paragraphs.add("Wait, that is not right: " + wrong.reason() + ". " + step.sentence());
            } else {
                paragraphs.add(step.sentence());
            }
            if (plan.recaps().contains(i)) {
                paragraphs.add("Let me restate what we have so far. " + step.lead() + " " + step.resultWithUnit() + ".");
            }
        }
        paragraphs.add("So the answer is " + boxed(problem) + ".");
        List<OverthinkingPlan.Check> checks = plan.checks();
        for (int i = 0; i < checks.size(); i++) {
            paragraphs.add(check(checks.get(i), problem) + " " + CLOSERS.get(i % CLOSERS.size()).formatted(boxed(problem)));
        }
        if (plan.finalRestatement()) {
            paragraphs.add("Final Answer: " + boxed(problem));
        }
        return String.join("\n\n", paragraphs);
    }

    private static String check(OverthinkingPlan.Check check, WorldProblem problem) {
        List<Step> steps = problem.steps();
        String answer = Numbers.text(problem.answer());
        return switch (check.kind()) {
            case RECHECK_STEPS -> "Let me double-check each step. "
                    + steps.stream().map(Step::equation).collect(Collectors.joining("; ")) + ". Everything agrees.";
            case ONE_EXPRESSION -> "Let me verify by putting everything into one expression: "
                    + new Expressions(steps).text(problem.finalStep().result()) + " = " + answer + ".";
            case WORK_BACKWARDS -> {
                Ref start = Backwards.start(steps);
                String matches = start.given() ? "the " + Numbers.text(start.value()) + " we started from"
                        : Numbers.text(start.value()) + ", and indeed " + new Expressions(steps).text(start) + " = "
                                + Numbers.text(start.value());
                yield "Alternatively, I can work backwards from " + answer + ": "
                        + Backwards.undo(steps).stream().map(Backwards.Undo::equation).collect(Collectors.joining(", then "))
                        + ". That gives back " + matches + ".";
            }
            case CHECK_STEP -> {
                Step step = steps.get(check.step());
                yield "Wait, let me verify one step another way. " + step.comment() + ": " + StepCheck.text(step)
                        + ", which matches.";
            }
            case REREAD -> "Hmm, let me re-read the question. " + problem.ask() + " " + distractorRemark(problem)
                    + ". We found " + problem.finalStep().resultWithUnit() + ".";
        };
    }

    /** What a re-reading says about the sentences that do not matter (no final period). */
    static String distractorRemark(WorldProblem problem) {
        if (problem.distractors().isEmpty()) {
            return "Every number in the problem is used";
        }
        return "Nothing about " + problem.distractors().stream().map(Distractor::topic).collect(Collectors.joining(" or "))
                + " matters here";
    }

    private static String boxed(WorldProblem problem) {
        return "\\boxed{" + problem.gold() + "}";
    }
}
