package dev.reason4j.recipes.evolve;

import dev.reason4j.recipes.StepPairsRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Builds the process preference model's training data from search trees, following rStar-Math (Guan et al.,
 * "rStar-Math: Small LLMs Can Master Math Reasoning with Self-Evolved Deep Thinking", arXiv:2501.04519, §3.3):
 * rather than regressing on noisy Q values, the PPM learns to rank the next steps of one node by the answers they
 * lead to, with the pairwise loss
 * <pre>
 *   L_ppm(θ) = −1/(n_pos·n_neg) · E[ log σ( r_θ(x, y_pos) − r_θ(x, y_neg) ) ]
 * </pre>
 * over the {@code n_pos·n_neg} pairs of a node (2×2 in the paper).
 *
 * <p><b>Our reading of §3.3, rule by rule.</b>
 * <ol>
 *   <li><i>Where.</i> A node gives pairs when its subtree reaches both a correct and a wrong answer (a branch below
 *       it ends with an answer equal to the gold answer, and another with an answer that differs; dead ends count
 *       as wrong only with {@link PpmPairOptions#deadEndsAreWrong()}). Its candidates are its children, which all
 *       share the same preceding steps, as the paper requires for intermediate steps.</li>
 *   <li><i>Which side.</i> A child is a <em>positive</em> candidate when its subtree reaches a correct answer
 *       ("the selected positive steps must lead to a correct final answer") and a <em>negative</em> candidate when
 *       it reaches a wrong answer and no correct one ("negative steps must lead to incorrect answers"): a step
 *       that leads to both is never a negative. Children that lead to no answer take no side.</li>
 *   <li><i>How many.</i> The positives are the candidates with the highest Q, the negatives those with the lowest
 *       Q, {@link PpmPairOptions#perSide()} (2) each. When one side has a single candidate, the other side may take
 *       up to {@link PpmPairOptions#singleSideWidth()} (4), so that the node still gives up to 4 pairs (1×4
 *       instead of 1×2); the maintainers' note that the counts are 2 "in most cases" allows this.</li>
 *   <li><i>Margins.</i> Every pair the record implies must satisfy {@code Q(pos) − Q(neg) >}
 *       {@link PpmPairOptions#stepMargin()} (0 by default: the positive's Q is strictly higher), texts must not be
 *       identical, and with {@link PpmPairOptions#minEditDistance()} above 0 their normalised edit distance must
 *       reach it. Since the loss averages over every (positive, negative) combination, selection keeps the c best
 *       positives for the largest c for which some negatives satisfy every rule against all of them, then takes
 *       the lowest-Q such negatives. A node where no pair survives gives no record.</li>
 *   <li><i>Final-answer step.</i> "Identical reasoning trajectories rarely yield different final answers", so the
 *       paper relaxes the shared-prefix rule there: the two correct trajectories with the highest average Q are
 *       positives and the two wrong ones with the lowest average Q negatives. With
 *       {@link PpmPairOptions#finalAnswerPairs()} each tree gives one such record, with an empty prefix and whole
 *       trajectories as candidates, selected by the same rules with mean Q in place of Q. Answer steps that are
 *       siblings under a node of rule 1 still pair there too.</li>
 * </ol>
 * Ties in Q are broken by node id (creation order), so the result is deterministic.
 */
public final class ProcessPreferencePairs {

    /** A step (or trajectory) that may go on either side, with the value it is ranked by. */
    record Candidate(String text, double q, int id) {}

    /** The positives (best first) and negatives (lowest first) of one record. */
    record Selection(List<Candidate> positives, List<Candidate> negatives) {}

    private static final Comparator<Candidate> BEST_FIRST =
            Comparator.comparingDouble((Candidate c) -> -c.q()).thenComparingInt(Candidate::id);
    private static final Comparator<Candidate> WORST_FIRST =
            Comparator.comparingDouble(Candidate::q).thenComparingInt(Candidate::id);

    private final PpmPairOptions options;

    public ProcessPreferencePairs(PpmPairOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * The records of one tree: one per node of rule 1 that keeps a pair, by node id, then the final-answer
     * record when enabled and possible.
     *
     * @param treeIndex the tree's position among its problem's trees, for the records' {@code source}
     */
    public List<StepPairsRecord> extract(ExploredTree tree, int treeIndex) {
        List<StepPairsRecord> records = new ArrayList<>();
        for (ExploredTree.Node node : contrastNodes(tree)) {
            List<Candidate> positives = new ArrayList<>();
            List<Candidate> negatives = new ArrayList<>();
            for (ExploredTree.Node child : tree.children(node)) {
                Candidate c = new Candidate(child.text(), child.q(), child.id());
                if (tree.reachesCorrect(child)) {
                    positives.add(c);
                } else if (reachesWrongOutcome(tree, child)) {
                    negatives.add(c);
                }
            }
            List<String> prefix = tree.steps(node).stream().map(ExploredTree.Node::text).toList();
            select(positives, negatives).ifPresent(s -> records.add(
                    record(tree, prefix, s, false, tree.problemId() + "/tree" + treeIndex + "/node" + node.id())));
        }
        if (options.finalAnswerPairs()) {
            finalAnswerPairs(tree).ifPresent(s -> records.add(
                    record(tree, List.of(), s, true, tree.problemId() + "/tree" + treeIndex + "/final")));
        }
        return records;
    }

    /** The nodes whose subtree reaches both a correct and a wrong outcome (rule 1), by id. */
    public List<ExploredTree.Node> contrastNodes(ExploredTree tree) {
        return tree.nodes().stream()
                .filter(n -> n.outcome() == ExploredTree.Outcome.OPEN)
                .filter(n -> tree.reachesCorrect(n) && reachesWrongOutcome(tree, n))
                .toList();
    }

    private boolean reachesWrongOutcome(ExploredTree tree, ExploredTree.Node node) {
        return tree.reachesWrong(node) || (options.deadEndsAreWrong() && tree.reachesDeadEnd(node));
    }

    private Optional<Selection> finalAnswerPairs(ExploredTree tree) {
        List<Candidate> correct = new ArrayList<>();
        List<Candidate> wrong = new ArrayList<>();
        for (ExploredTree.Node end : tree.answers()) {
            Trajectory t = Trajectory.of(tree, end);
            (t.correct() ? correct : wrong).add(new Candidate(t.text(), t.meanQ(), end.id()));
        }
        return select(correct, wrong);
    }

    /** Rules 3 and 4 on one node's candidates; empty when no pair survives. */
    Optional<Selection> select(List<Candidate> positives, List<Candidate> negatives) {
        if (positives.isEmpty() || negatives.isEmpty()) {
            return Optional.empty();
        }
        List<Candidate> best = positives.stream().sorted(BEST_FIRST).toList();
        List<Candidate> worst = negatives.stream().sorted(WORST_FIRST).toList();
        int positiveWidth = worst.size() == 1 ? options.singleSideWidth() : options.perSide();
        int negativeWidth = best.size() == 1 ? options.singleSideWidth() : options.perSide();
        for (int c = Math.min(positiveWidth, best.size()); c >= 1; c--) {
            List<Candidate> chosen = best.subList(0, c);
            List<Candidate> against = worst.stream()
                    .filter(n -> chosen.stream().allMatch(p -> pairable(p, n)))
                    .limit(negativeWidth)
                    .toList();
            if (!against.isEmpty()) {
                return Optional.of(new Selection(List.copyOf(chosen), against));
            }
        }
        return Optional.empty();
    }

    private boolean pairable(Candidate positive, Candidate negative) {
        if (!(positive.q() - negative.q() > options.stepMargin()) || positive.text().equals(negative.text())) {
            return false;
        }
        return options.minEditDistance() == 0
                || EditDistance.normalized(positive.text(), negative.text()) >= options.minEditDistance();
    }

    private static StepPairsRecord record(ExploredTree tree, List<String> prefix, Selection s, boolean finalAnswer,
            String source) {
        return new StepPairsRecord(tree.problemId(), tree.question(), tree.prompt(), prefix,
                s.positives().stream().map(Candidate::text).toList(),
                s.negatives().stream().map(Candidate::text).toList(),
                s.positives().stream().map(Candidate::q).toList(),
                s.negatives().stream().map(Candidate::q).toList(),
                finalAnswer, source);
    }
}
