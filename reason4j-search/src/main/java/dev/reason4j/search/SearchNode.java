package dev.reason4j.search;

import dev.reason4j.exec.CodePrefix;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * A node of a {@link SearchTree}: one step and the statistics search keeps about the trajectories through it.
 *
 * <p>{@code N} ({@link #visits()}) counts the values backed up through the node and {@code Q} ({@link #q()}) is
 * their mean, as in rStar-Math's MCTS: {@code Q(s) = q(s) / N(s)} where {@code q(s)} sums the backed-up values.
 * {@link #reward()} is the node's own score: the reward model's value of the trajectory ending here, or a terminal
 * reward. Search mutates these; readers see a finished tree.
 */
public final class SearchNode {

    private final int id;
    private final SearchNode parent;
    private final int depth;
    private final StepContent step;
    private final int[] tokenIds;
    private final CodePrefix codePrefix;
    private final int consecutiveErrors;
    private final List<SearchNode> children = new ArrayList<>();
    private TerminalReason terminal;
    private int visits;
    private double valueSum;
    private double reward = Double.NaN;
    private boolean exhausted;

    SearchNode(int id, SearchNode parent, StepContent step, int[] tokenIds, CodePrefix codePrefix, int consecutiveErrors,
            TerminalReason terminal) {
        this.id = id;
        this.parent = parent;
        this.depth = parent == null ? 0 : parent.depth + 1;
        this.step = step;
        this.tokenIds = tokenIds;
        this.codePrefix = codePrefix;
        this.consecutiveErrors = consecutiveErrors;
        this.terminal = terminal;
    }

    /** Position in {@link SearchTree#nodes()}; the root is 0. */
    public int id() {
        return id;
    }

    /** The parent, empty for the root. */
    public Optional<SearchNode> parent() {
        return Optional.ofNullable(parent);
    }

    /** Steps from the root (the root is 0). */
    public int depth() {
        return depth;
    }

    public StepContent step() {
        return step;
    }

    public List<SearchNode> children() {
        return Collections.unmodifiableList(children);
    }

    public boolean isRoot() {
        return parent == null;
    }

    public boolean isExpanded() {
        return !children.isEmpty();
    }

    public boolean isTerminal() {
        return terminal != null;
    }

    /** Why the branch ended here, empty for a node search may extend. */
    public Optional<TerminalReason> terminalReason() {
        return Optional.ofNullable(terminal);
    }

    /** The final answer, for a node that ended with one. */
    public Optional<String> answer() {
        return terminal == TerminalReason.ANSWER ? Optional.of(step.answer()) : Optional.empty();
    }

    /** {@code N}: values backed up through this node. */
    public int visits() {
        return visits;
    }

    /** {@code q}: the sum of the values backed up through this node. */
    public double valueSum() {
        return valueSum;
    }

    /** {@code Q = q / N}, 0 before the first visit. */
    public double q() {
        return visits == 0 ? 0 : valueSum / visits;
    }

    /** This node's own score, NaN when it was not scored. */
    public double reward() {
        return reward;
    }

    public boolean hasReward() {
        return !Double.isNaN(reward);
    }

    /** Whether MCTS found every branch below this node ended. */
    public boolean isExhausted() {
        return exhausted;
    }

    /** Failing code steps in a row ending with this one. */
    public int consecutiveErrors() {
        return consecutiveErrors;
    }

    /** The code steps of this branch that later steps run after. */
    public CodePrefix codePrefix() {
        return codePrefix;
    }

    /** The nodes from the root to this one. */
    public List<SearchNode> path() {
        List<SearchNode> path = new ArrayList<>(depth + 1);
        for (SearchNode n = this; n != null; n = n.parent) {
            path.add(n);
        }
        Collections.reverse(path);
        return path;
    }

    /** The steps from the root to this node as text, observations included: what the model continues. */
    public String trajectory() {
        StringBuilder text = new StringBuilder();
        for (SearchNode n : path()) {
            text.append(n.step.fullText());
        }
        return text.toString();
    }

    /** The step's tokens (text then observation); empty when search ran on text prompts. */
    int[] tokenIds() {
        return tokenIds;
    }

    /** Counts one value into {@code N} and {@code q}. */
    void update(double value) {
        visits++;
        valueSum += value;
    }

    /** Counts {@code value} into this node and every ancestor up to the root (rStar-Math's backpropagation). */
    void backpropagate(double value) {
        for (SearchNode n = this; n != null; n = n.parent) {
            n.update(value);
        }
    }

    void setReward(double value) {
        reward = value;
    }

    void end(TerminalReason reason) {
        if (terminal != null) {
            throw new IllegalStateException("node " + id + " already ended: " + terminal);
        }
        terminal = reason;
    }

    void markExhausted() {
        exhausted = true;
    }

    void addChild(SearchNode child) {
        children.add(child);
    }

    @Override
    public String toString() {
        return "SearchNode[" + id + ", depth " + depth + ", N " + visits + ", Q " + q()
                + (terminal != null ? ", " + terminal.wireName() : "") + "]";
    }
}
