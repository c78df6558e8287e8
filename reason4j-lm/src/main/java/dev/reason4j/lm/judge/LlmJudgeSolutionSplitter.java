package dev.reason4j.lm.judge;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reason4j.core.metrics.split.SolutionSplitter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The LLM-judge solution splitter of Chen et al., "Do NOT Think That Much for 2+3=? On the Overthinking of o1-Like
 * LLMs" (arXiv:2412.21187, §2), where a strong model cuts a long response into solution rounds. Three stages, with
 * prompts in our own words:
 * <ol>
 *   <li><b>Segment.</b> The response is cut into numbered paragraphs (at blank lines) and the judge names the
 *       paragraphs that begin a new attempt at the problem: re-solving it, checking an earlier result, or trying
 *       another method. Paragraph 1 always begins one.</li>
 *   <li><b>Answer.</b> For each segment the judge says whether it arrives at a final answer to the question, and
 *       which.</li>
 *   <li><b>Merge.</b> A segment that reaches no answer is an unfinished attempt and joins the segment after it;
 *       trailing segments without an answer join the last one that has an answer. Every round of the result
 *       therefore reaches an answer, except when no segment does (then the response is one round).</li>
 * </ol>
 * The rounds tile the response exactly, as the rule-based splitter's do. When a reply cannot be read (no JSON,
 * wrong shape, numbers out of range) the splitter falls back to {@code fallback} for that response and counts it
 * in {@link Judge#unreadableReplies()}. Two model calls per response; a response of one paragraph needs none.
 */
public final class LlmJudgeSolutionSplitter implements SolutionSplitter {

    private final Judge judge;
    private final SolutionSplitter fallback;

    public LlmJudgeSolutionSplitter(Judge judge, SolutionSplitter fallback) {
        this.judge = Objects.requireNonNull(judge, "judge");
        this.fallback = Objects.requireNonNull(fallback, "fallback");
    }

    public Judge judge() {
        return judge;
    }

    @Override
    public String name() {
        return "llm:" + judge.modelId();
    }

    @Override
    public List<String> split(String problem, String response) {
        Objects.requireNonNull(response, "response");
        if (response.isBlank()) {
            return List.of();
        }
        Paragraphs paragraphs = Paragraphs.of(response);
        if (paragraphs.size() == 1) {
            return List.of(response);
        }
        Optional<List<Integer>> starts = segmentStarts(problem, paragraphs);
        if (starts.isEmpty()) {
            return fallBack(problem, response);
        }
        List<String> segments = segments(paragraphs, starts.get());
        Optional<boolean[]> answered = answered(problem, segments);
        if (answered.isEmpty()) {
            return fallBack(problem, response);
        }
        return merge(segments, answered.get());
    }

    private List<String> fallBack(String problem, String response) {
        judge.countUnreadable();
        return fallback.split(problem, response);
    }

    /** Stage 1: indices (0-based) of the paragraphs that begin an attempt, ascending, starting with 0. */
    private Optional<List<Integer>> segmentStarts(String problem, Paragraphs paragraphs) {
        StringBuilder q = new StringBuilder();
        q.append("Below is a problem and a model's reasoning about it, cut into numbered paragraphs. The reasoning "
                + "may solve the problem several times: a first attempt, then re-checks of the result, or other "
                + "methods. List the numbers of the paragraphs that BEGIN a new attempt (a fresh solution, a "
                + "verification of an earlier result, or an alternative approach). Paragraph 1 begins the first "
                + "attempt. Continuing the same attempt is not a new one.\n\nProblem:\n")
                .append(judge.quote(problem)).append("\n\nReasoning:\n");
        for (int i = 0; i < paragraphs.size(); i++) {
            q.append('[').append(i + 1).append("] ").append(judge.quote(paragraphs.get(i))).append('\n');
        }
        q.append("\nReply with a JSON array of paragraph numbers only, for example [1, 4, 9].");
        Optional<JsonNode> reply = JudgeReplies.lastArray(judge.ask(q.toString()));
        if (reply.isEmpty()) {
            return Optional.empty();
        }
        TreeSet<Integer> starts = new TreeSet<>();
        starts.add(0);
        for (JsonNode n : reply.get()) {
            if (!n.canConvertToInt() || n.asInt() < 1 || n.asInt() > paragraphs.size()) {
                return Optional.empty();
            }
            starts.add(n.asInt() - 1);
        }
        return Optional.of(List.copyOf(starts));
    }

    private static List<String> segments(Paragraphs paragraphs, List<Integer> starts) {
        List<String> segments = new ArrayList<>(starts.size());
        for (int i = 0; i < starts.size(); i++) {
            int to = i + 1 < starts.size() ? starts.get(i + 1) : paragraphs.size();
            segments.add(paragraphs.span(starts.get(i), to));
        }
        return segments;
    }

    /** Stage 2: whether each segment reaches a final answer. */
    private Optional<boolean[]> answered(String problem, List<String> segments) {
        if (segments.size() == 1) {
            return Optional.of(new boolean[] {true});
        }
        StringBuilder q = new StringBuilder();
        q.append("Below is a problem and a model's reasoning, cut into numbered attempts. For each attempt, say "
                + "whether it arrives at a final answer to the problem (a definite value the attempt concludes "
                + "with, even if it repeats an earlier one), and give that answer.\n\nProblem:\n")
                .append(judge.quote(problem)).append("\n\n");
        for (int i = 0; i < segments.size(); i++) {
            q.append("Attempt ").append(i + 1).append(":\n").append(judge.quote(segments.get(i))).append("\n\n");
        }
        q.append("Reply with a JSON array with one object per attempt, in order, for example "
                + "[{\"attempt\": 1, \"answer\": \"12\"}, {\"attempt\": 2, \"answer\": null}] where answer is null "
                + "when the attempt reaches none.");
        Optional<JsonNode> reply = JudgeReplies.lastArray(judge.ask(q.toString()));
        if (reply.isEmpty() || reply.get().size() != segments.size()) {
            return Optional.empty();
        }
        boolean[] answered = new boolean[segments.size()];
        for (int i = 0; i < answered.length; i++) {
            JsonNode item = reply.get().get(i);
            if (!item.isObject() || !item.has("answer")) {
                return Optional.empty();
            }
            JsonNode answer = item.get("answer");
            answered[i] = !answer.isNull() && !answer.asText().isBlank();
        }
        return Optional.of(answered);
    }

    /** Stage 3: unfinished segments join the next one; trailing ones join the last finished one. */
    static List<String> merge(List<String> segments, boolean[] answered) {
        List<String> rounds = new ArrayList<>();
        StringBuilder pending = new StringBuilder();
        for (int i = 0; i < segments.size(); i++) {
            pending.append(segments.get(i));
            if (answered[i]) {
                rounds.add(pending.toString());
                pending.setLength(0);
            }
        }
        if (!pending.isEmpty()) {
            if (rounds.isEmpty()) {
                rounds.add(pending.toString());
            } else {
                rounds.set(rounds.size() - 1, rounds.get(rounds.size() - 1) + pending);
            }
        }
        return List.copyOf(rounds);
    }
}
