package dev.reason4j.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes search trees and results as JSON for the UI, run records and recipes.
 *
 * <p>A tree is {@code {problem_id, prompt, prompt_tokens, nodes: [...]}} with one object per node, by id:
 * {@code id}, {@code parent} (absent for the root), {@code depth}, {@code text} (what the model wrote),
 * {@code observation} (what the system appended; absent when empty), {@code tokens} (generated tokens),
 * {@code N}, {@code Q}, {@code prior} and {@code reward} (absent when unknown), {@code code} with {@code status},
 * {@code failed}, {@code output}, {@code error} and {@code from_snapshot} (code steps only), {@code terminal} (the
 * {@link TerminalReason#wireName()} of a node that ended), {@code answer} and {@code exhausted} (when true).
 */
public final class SearchJson {

    private SearchJson() {}

    public static ObjectNode tree(SearchTree tree, ObjectMapper mapper) {
        ObjectNode out = mapper.createObjectNode()
                .put("problem_id", tree.problem().id())
                .put("prompt", tree.promptText())
                .put("prompt_tokens", tree.promptTokenCount());
        ArrayNode nodes = out.putArray("nodes");
        for (SearchNode n : tree.nodes()) {
            nodes.add(node(n, mapper));
        }
        return out;
    }

    private static ObjectNode node(SearchNode n, ObjectMapper mapper) {
        StepContent step = n.step();
        ObjectNode o = mapper.createObjectNode().put("id", n.id());
        n.parent().ifPresent(p -> o.put("parent", p.id()));
        o.put("depth", n.depth()).put("text", step.text());
        if (!step.observation().isEmpty()) {
            o.put("observation", step.observation());
        }
        o.put("tokens", step.generatedTokens()).put("N", n.visits()).put("Q", n.q());
        putFinite(o, "prior", step.prior());
        putFinite(o, "reward", n.reward());
        if (step.code() != null) {
            CodeRun code = step.code();
            ObjectNode c = o.putObject("code")
                    .put("source", code.code())
                    .put("status", code.status().wireName())
                    .put("failed", code.failed())
                    .put("output", code.output())
                    .put("from_snapshot", code.fromSnapshot());
            if (code.error() != null) {
                c.put("error", code.error());
            }
        }
        n.terminalReason().ifPresent(r -> o.put("terminal", r.wireName()));
        n.answer().ifPresent(a -> o.put("answer", a));
        if (n.isExhausted()) {
            o.put("exhausted", true);
        }
        return o;
    }

    /** The usage fields, snake case. */
    public static ObjectNode usage(SearchUsage u, ObjectMapper mapper) {
        return mapper.createObjectNode()
                .put("prompt_tokens", u.promptTokens())
                .put("cached_prompt_tokens", u.cachedPromptTokens())
                .put("generated_tokens", u.generatedTokens())
                .put("prompts", u.prompts())
                .put("code_executions", u.codeExecutions())
                .put("code_failures", u.codeFailures())
                .put("code_from_snapshot", u.codeFromSnapshot())
                .put("reward_requests", u.rewardRequests())
                .put("reward_tokens", u.rewardTokens())
                .put("nodes", u.nodes())
                .put("rollouts", u.rollouts())
                .put("wall_ms", u.wallMillis());
    }

    /**
     * A result: problem id, strategy, answer (null when none), answer node, response, the answer clusters, usage
     * and, with {@code withTree}, the tree.
     */
    public static ObjectNode result(SearchResult r, boolean withTree, ObjectMapper mapper) {
        ObjectNode o = mapper.createObjectNode()
                .put("problem_id", r.problemId())
                .put("strategy", r.strategy())
                .put("answer", r.answer())
                .put("answer_node", r.answerNode())
                .put("response", r.response());
        ArrayNode answers = o.putArray("answers");
        for (AnswerCluster c : r.answers()) {
            ObjectNode a = answers.addObject().put("answer", c.answer()).put("votes", c.votes()).put("weight", c.weight());
            putFinite(a, "best_score", c.bestScore());
            a.put("best_node", c.bestNode());
            c.nodes().forEach(a.putArray("nodes")::add);
        }
        o.set("usage", usage(r.usage(), mapper));
        if (withTree) {
            o.set("tree", tree(r.tree(), mapper));
        }
        return o;
    }

    private static void putFinite(ObjectNode o, String field, double value) {
        if (Double.isFinite(value)) {
            o.put(field, value);
        }
    }
}
