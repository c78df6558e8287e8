package dev.reason4j.testbed.world;

import java.util.ArrayList;
import java.util.List;

/**
 * Reference solutions in rStar-Math's code-augmented format, exactly as {@code CodeStepProtocol} of the search
 * module reads them (Guan et al., "rStar-Math", arXiv:2501.04519, 2025):
 *
 * <pre>{@code
 * <code>
 * # Step 1: Count the apples in the packs
 * bought = 3 * 12
 * <end_of_step>
 * # Step 2: Add the new apples
 * total = 45 + bought
 * <end_of_step>
 * # Now print the final answer
 * print(total)
 * <end_of_code>
 * <output>81<end_of_output>
 * <answer>The answer is \boxed{81}.<end_of_answer>
 * }</pre>
 *
 * The concise style has one step per operation. The overthinking style follows the problem's
 * {@link OverthinkingPlan}: a restated question, a wrong step redone, restatements of the value so far (as
 * assertions) and verification steps (assertions that recompute, work backwards or check a step by its inverse)
 * before the answer is printed. Every step is Python that runs; values are ints or {@code Fraction}s, never floats.
 */
public final class CodeSolution {

    /** The Python import a solution needs when it uses {@code Fraction}. */
    static final String FRACTION_IMPORT = "from fractions import Fraction";

    /** One step: comment lines (without the {@code #}) and code lines. */
    private record Block(List<String> comments, List<String> code) {
        Block(String comment, String... code) {
            this(new ArrayList<>(List.of(comment)), new ArrayList<>(List.of(code)));
        }
    }

    private CodeSolution() {}

    public static String concise(WorldProblem problem) {
        List<Block> blocks = new ArrayList<>();
        List<Step> steps = problem.steps();
        for (int i = 0; i < steps.size(); i++) {
            blocks.add(stepBlock(i, steps.get(i)));
        }
        return render(blocks, problem);
    }

    public static String overthinking(WorldProblem problem) {
        OverthinkingPlan plan = problem.plan();
        List<Step> steps = problem.steps();
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            if (i == plan.wrongStep()) {
                WrongStep wrong = WrongStep.of(step);
                blocks.add(new Block("Step " + (i + 1) + ": " + step.comment(), wrong.python()));
                blocks.add(new Block("Wait, step " + (i + 1) + " is wrong: " + wrong.reason() + ". Redo step " + (i + 1),
                        step.python()));
            } else {
                blocks.add(stepBlock(i, step));
            }
            if (plan.recaps().contains(i)) {
                blocks.add(new Block("Let me restate what we have so far: " + step.lead() + " " + step.resultWithUnit(),
                        "assert " + step.variable() + " == " + Numbers.python(step.value())));
            }
        }
        if (plan.restateFirst()) {
            blocks.getFirst().comments().addFirst("Let me restate the problem: " + problem.ask());
        }
        for (OverthinkingPlan.Check check : plan.checks()) {
            blocks.add(check(check, problem));
        }
        return render(blocks, problem);
    }

    private static Block stepBlock(int index, Step step) {
        return new Block("Step " + (index + 1) + ": " + step.comment(), step.python());
    }

    private static Block check(OverthinkingPlan.Check check, WorldProblem problem) {
        List<Step> steps = problem.steps();
        String result = problem.finalStep().variable();
        return switch (check.kind()) {
            case RECHECK_STEPS -> {
                Block b = new Block("Let me double-check every step by recomputing it");
                steps.forEach(s -> b.code().add("assert " + s.variable() + " == " + s.op().python(s.left().python(),
                        s.right().python())));
                yield b;
            }
            case ONE_EXPRESSION -> new Block("Let me verify by computing everything in one expression",
                    "check = " + new Expressions(steps).python(problem.finalStep().result()),
                    "assert check == " + result);
            case WORK_BACKWARDS -> {
                Block b = new Block("Alternatively, work backwards from the result to the starting value");
                String back = result;
                for (Backwards.Undo undo : Backwards.undo(steps)) {
                    b.code().add("back = " + undo.python(back));
                    back = "back";
                }
                b.code().add("assert back == " + new Expressions(steps).python(Backwards.start(steps)));
                yield b;
            }
            case CHECK_STEP -> new Block("Wait, let me verify step " + (check.step() + 1) + " another way",
                    "assert " + StepCheck.python(steps.get(check.step())));
            case REREAD -> {
                Block b = new Block("Hmm, let me re-read the question: " + problem.ask(),
                        "assert " + result + " == " + Numbers.python(problem.answer()));
                b.comments().add(CotSolution.distractorRemark(problem));
                yield b;
            }
        };
    }

    private static String render(List<Block> blocks, WorldProblem problem) {
        if (blocks.stream().anyMatch(b -> b.code().stream().anyMatch(line -> line.contains("Fraction(")))) {
            blocks.getFirst().code().addFirst(FRACTION_IMPORT);
        }
        StringBuilder out = new StringBuilder("<code>\n");
        for (Block block : blocks) {
            block.comments().forEach(c -> out.append("# ").append(c).append('\n'));
            block.code().forEach(c -> out.append(c).append('\n'));
            out.append("<end_of_step>\n");
        }
        out.append("# Now print the final answer\n")
                .append("print(").append(problem.finalStep().variable()).append(")\n")
                .append("<end_of_code>\n")
                .append("<output>").append(Numbers.text(problem.answer())).append("<end_of_output>\n")
                .append("<answer>The answer is \\boxed{").append(problem.gold()).append("}.<end_of_answer>");
        return out.toString();
    }
}
