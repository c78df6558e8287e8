package dev.reason4j.search;

import dev.reason4j.core.dataset.Problem;
import dev.reason4j.exec.CodePrefix;

/** Hand-built trees for algorithm tests. */
final class Trees {

    private Trees() {}

    static SearchTree tree() {
        return new SearchTree(new Problem("p", "What is 2+3?", "5"), "Q: What is 2+3?\n", new int[0]);
    }

    static SearchNode step(SearchTree tree, SearchNode parent, String text) {
        return tree.addChild(parent, new StepContent(text, "", text.length(), Double.NaN, null, null), new int[0],
                CodePrefix.EMPTY, 0, null);
    }

    static SearchNode answer(SearchTree tree, SearchNode parent, String answer) {
        return tree.addChild(parent, new StepContent("\\boxed{" + answer + "}", "", 3, Double.NaN, null, answer),
                new int[0], CodePrefix.EMPTY, 0, TerminalReason.ANSWER);
    }

    /** Gives {@code node} {@code visits} visits summing to {@code valueSum}, without touching its ancestors. */
    static void stats(SearchNode node, int visits, double valueSum) {
        for (int i = 0; i < visits; i++) {
            node.update(valueSum / visits);
        }
    }
}
