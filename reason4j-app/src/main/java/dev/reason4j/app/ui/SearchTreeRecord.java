package dev.reason4j.app.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The search tree of one eval record ({@code tree.nodes}, as {@code SearchJson} writes it: {@code id},
 * {@code parent}, {@code text}, {@code terminal}, {@code answer}, …) with what the pages derive from it: the path
 * to the chosen answer, the trajectories (root to each node where generation ended) and the answer cluster each
 * ending voted for.
 */
final class SearchTreeRecord {

    private final JsonNode record;
    private final JsonNode nodes;
    private final Map<Integer, Integer> positionById = new HashMap<>();
    private final Map<Integer, Integer> clusterByNode = new HashMap<>();

    SearchTreeRecord(JsonNode record) {
        this.record = record;
        JsonNode n = record.path("tree").path("nodes");
        this.nodes = n.isArray() ? n : JsonNodeFactory.instance.arrayNode();
        for (int i = 0; i < nodes.size(); i++) {
            positionById.put(nodes.get(i).path("id").asInt(i), i);
        }
        JsonNode answers = record.path("answers");
        for (int c = 0; c < answers.size(); c++) {
            for (JsonNode id : answers.get(c).path("nodes")) {
                clusterByNode.put(id.asInt(), c);
            }
        }
    }

    JsonNode record() {
        return record;
    }

    JsonNode nodes() {
        return nodes;
    }

    boolean hasTree() {
        return !nodes.isEmpty();
    }

    String gold() {
        return EvalRun.text(record.path("gold"));
    }

    /** The node whose answer was chosen, -1 for none. */
    int answerNode() {
        return record.path("answer_node").asInt(-1);
    }

    JsonNode node(int id) {
        Integer position = positionById.get(id);
        return position == null ? null : nodes.get(position);
    }

    /** Node ids from the root to {@code id}; empty when {@code id} is not in the tree (or a parent loops). */
    List<Integer> pathTo(int id) {
        List<Integer> path = new ArrayList<>();
        JsonNode node = node(id);
        while (node != null && path.size() <= nodes.size()) {
            path.add(node.path("id").asInt());
            JsonNode parent = node.get("parent");
            node = parent == null ? null : node(parent.asInt());
        }
        if (path.size() > nodes.size()) {
            return List.of();
        }
        Collections.reverse(path);
        return path;
    }

    /** The chosen trajectory: the path to {@link #answerNode()}, empty when there is none. */
    List<Integer> chosenPath() {
        return answerNode() < 0 ? List.of() : pathTo(answerNode());
    }

    /**
     * Ids of the nodes where a trajectory ended (those with a terminal reason), in id order; a tree without terminal
     * reasons (an older writer) ends at its leaves.
     */
    List<Integer> endings() {
        List<Integer> terminal = new ArrayList<>();
        for (JsonNode n : nodes) {
            if (n.hasNonNull("terminal")) {
                terminal.add(n.path("id").asInt());
            }
        }
        if (!terminal.isEmpty()) {
            return terminal;
        }
        Set<Integer> parents = new HashSet<>();
        nodes.forEach(n -> {
            if (n.hasNonNull("parent")) {
                parents.add(n.get("parent").asInt());
            }
        });
        List<Integer> leaves = new ArrayList<>();
        for (JsonNode n : nodes) {
            int id = n.path("id").asInt();
            if (!parents.contains(id) && n.hasNonNull("parent")) {
                leaves.add(id);
            }
        }
        return leaves;
    }

    /** The node's answer, {@code null} when it has none. */
    String answerOf(int id) {
        JsonNode n = node(id);
        return n == null ? null : EvalRun.text(n.path("answer"));
    }

    /**
     * What the ending voted for in majority voting: its answer cluster in the record's {@code answers} (the search's
     * own equivalence of answers), else its answer text, {@code null} when it has no answer.
     */
    String voteOf(int id) {
        Integer cluster = clusterByNode.get(id);
        if (cluster != null) {
            return "cluster " + cluster;
        }
        String answer = answerOf(id);
        return answer == null ? null : "answer " + answer;
    }
}
