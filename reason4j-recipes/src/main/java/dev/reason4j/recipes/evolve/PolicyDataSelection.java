package dev.reason4j.recipes.evolve;

import dev.reason4j.recipes.SftRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Picks the policy model's SFT data from search trees, as in rStar-Math's self-evolution (Guan et al., "rStar-Math:
 * Small LLMs Can Master Math Reasoning with Self-Evolved Deep Thinking", arXiv:2501.04519, §3.4): among the
 * trajectories of a problem that end with the correct answer, the ones with the highest average Q value.
 *
 * <p>The rule: take every root-to-answer path of every tree of the problem whose answer equals the gold answer,
 * drop those with a failed code step ({@link PolicyDataOptions#dropExecutionErrors()}), sort by
 * <pre>
 *   meanQ(t) = (1/d) Σ_{i=1..d} Q(s_i)   descending, then   minQ(t) = min_i Q(s_i)   descending
 * </pre>
 * (then by tree and node id, so the choice is deterministic), and keep the first
 * {@link PolicyDataOptions#perProblem()} (2). The root, which holds no step, is not part of the mean. Each kept
 * trajectory becomes an SFT record: the tree's prompt, then the trajectory's text.
 */
public final class PolicyDataSelection {

    private static final Comparator<Ranked> ORDER = Comparator
            .comparingDouble((Ranked r) -> -r.trajectory.meanQ())
            .thenComparingDouble(r -> -r.trajectory.minQ())
            .thenComparingInt(r -> r.treeIndex)
            .thenComparingInt(r -> r.trajectory.end().id());

    private final PolicyDataOptions options;

    public PolicyDataSelection(PolicyDataOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    private record Ranked(Trajectory trajectory, int treeIndex) {}

    /** The SFT records of one problem, best first; {@code trees} are that problem's trees. */
    public List<SftRecord> select(List<ExploredTree> trees) {
        List<Ranked> candidates = new ArrayList<>();
        for (int t = 0; t < trees.size(); t++) {
            for (ExploredTree.Node end : trees.get(t).answers()) {
                Trajectory trajectory = Trajectory.of(trees.get(t), end);
                if (trajectory.correct() && !(options.dropExecutionErrors() && trajectory.executionError())) {
                    candidates.add(new Ranked(trajectory, t));
                }
            }
        }
        return candidates.stream()
                .sorted(ORDER)
                .limit(options.perProblem())
                .map(r -> new SftRecord(r.trajectory.tree().problemId(), r.trajectory.tree().question(),
                        r.trajectory.tree().prompt(), r.trajectory.text(), r.trajectory.source(r.treeIndex)))
                .toList();
    }
}
