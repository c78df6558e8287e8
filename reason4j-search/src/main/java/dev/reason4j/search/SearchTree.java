package dev.reason4j.search;

import dev.reason4j.core.dataset.Problem;
import dev.reason4j.exec.CodePrefix;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The steps a search explored for one problem. Node ids are positions in {@link #nodes()}, in creation order; the
 * root (id 0) is the empty trajectory after the prompt. {@link SearchTreeJson} writes it for the UI and recipes.
 */
public final class SearchTree {

    private final Problem problem;
    private final String promptText;
    private final int[] promptTokens;
    private final List<SearchNode> nodes = new ArrayList<>();

    /**
     * @param promptText the prompt the first step continues
     * @param promptTokens its token ids, or empty when search runs on text prompts
     */
    SearchTree(Problem problem, String promptText, int[] promptTokens) {
        this.problem = Objects.requireNonNull(problem, "problem");
        this.promptText = Objects.requireNonNull(promptText, "promptText");
        this.promptTokens = promptTokens.clone();
        nodes.add(new SearchNode(0, null, StepContent.root(), new int[0], CodePrefix.EMPTY, 0, null));
    }

    public Problem problem() {
        return problem;
    }

    public String promptText() {
        return promptText;
    }

    /** Tokens of the prompt, 0 when search ran on text prompts. */
    public int promptTokenCount() {
        return promptTokens.length;
    }

    public SearchNode root() {
        return nodes.get(0);
    }

    /** All nodes, by id. */
    public List<SearchNode> nodes() {
        return Collections.unmodifiableList(nodes);
    }

    public SearchNode node(int id) {
        if (id < 0 || id >= nodes.size()) {
            throw new IllegalArgumentException("node id must be in [0, " + nodes.size() + "), was " + id);
        }
        return nodes.get(id);
    }

    public int size() {
        return nodes.size();
    }

    /** The nodes that ended with an answer, by id. */
    public List<SearchNode> answers() {
        return nodes.stream().filter(n -> n.answer().isPresent()).toList();
    }

    SearchNode addChild(SearchNode parent, StepContent step, int[] tokenIds, CodePrefix codePrefix, int consecutiveErrors,
            TerminalReason terminal) {
        if (nodes.get(parent.id()) != parent) {
            throw new IllegalArgumentException("node " + parent.id() + " is not in this tree");
        }
        SearchNode child = new SearchNode(nodes.size(), parent, step, tokenIds, codePrefix, consecutiveErrors, terminal);
        nodes.add(child);
        parent.addChild(child);
        return child;
    }

    /** Prompt tokens followed by the tokens of every step down to {@code node}: what generation continues. */
    int[] contextTokens(SearchNode node) {
        List<SearchNode> path = node.path();
        int length = promptTokens.length;
        for (SearchNode n : path) {
            length += n.tokenIds().length;
        }
        int[] ids = new int[length];
        System.arraycopy(promptTokens, 0, ids, 0, promptTokens.length);
        int at = promptTokens.length;
        for (SearchNode n : path) {
            System.arraycopy(n.tokenIds(), 0, ids, at, n.tokenIds().length);
            at += n.tokenIds().length;
        }
        return ids;
    }

    /** The tokens of the steps down to {@code node}, without the prompt. */
    int[] trajectoryTokens(SearchNode node) {
        int[] all = contextTokens(node);
        return java.util.Arrays.copyOfRange(all, promptTokens.length, all.length);
    }

    int[] promptTokens() {
        return promptTokens.clone();
    }
}
