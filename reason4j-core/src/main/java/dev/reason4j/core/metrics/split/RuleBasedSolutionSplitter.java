package dev.reason4j.core.metrics.split;

import dev.reason4j.core.grading.AnswerExtractor;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Splits a response into solution rounds with text rules, without a language model. It approximates the
 * solution splitting of Chen et al., "Do NOT Think That Much for 2+3=? On the Overthinking of o1-Like LLMs",
 * arXiv:2412.21187 (Section 2.2), where a round is an attempt that reaches an answer.
 *
 * <p>The rules, in order:
 * <ol>
 *   <li>The reasoning is the text up to the last {@code </think>} (see {@link ReasoningParts}); the summary after
 *       it joins the last round, as it restates the final answer.</li>
 *   <li>The reasoning is cut into steps at blank lines ({@link StepBoundary}).</li>
 *   <li>A step <em>reaches an answer</em> when the grader's extractor finds an explicit answer in it (an answer
 *       tag, a box, or a phrase such as "the answer is"; see {@link SplitRules#answerSources()}).</li>
 *   <li>The first round runs from the start to the first step that reaches an answer, whatever it contains:
 *       second thoughts before any answer are part of the first attempt.</li>
 *   <li>After a round has reached its answer, the following steps are held back. When one of them reaches an
 *       answer again and one of the held steps opens with a new-solution marker ("Wait", "Alternatively", "Let me
 *       double-check", …), a new round begins at the <em>first</em> such marked step and ends at that answer;
 *       this holds even when the answer repeats the earlier one, as a verification is a round of its own. Held
 *       steps before the marker stay with the earlier round.</li>
 *   <li>A step that opens with a restatement marker ("Final Answer", "In conclusion", …) never ends a round: it
 *       stays with the round before it. So does a step that holds nothing but an answer (a lone
 *       {@code \boxed{5}}).</li>
 *   <li>An answer reached again without any marker ("So the answer is 5.\n\nThus the answer is 5.") is the same
 *       round continuing, and steps that never reach an answer again join the last round.</li>
 *   <li>A response that never reaches an answer is one round.</li>
 * </ol>
 * The rounds tile the response exactly. Known limits: a new attempt that starts without any marker is not
 * seen as a new round, and a round whose conclusion is not stated as an explicit answer ("so 2 + 3 equals 5")
 * runs on into the next; the LLM-judge splitter addresses both.
 */
public final class RuleBasedSolutionSplitter implements SolutionSplitter {

    /** Leading markdown, bullets and step numbers before a marker: "**Wait**", "> Alternatively", "3. Check". */
    private static final String LEAD = "^[\\s*#>_\\-\u2022]*(?:\\d{1,3}[.)]\\s*)?";
    /** What is left of a step that only states an answer once boxes and delimiters are removed. */
    private static final Pattern ANSWER_DELIMITERS = Pattern.compile("[\\s*#>$.,:;!_\\-]|\\\\[\\[\\]()]");
    private static final Pattern BOX = Pattern.compile("\\\\(?:boxed|fbox)\\s*\\{");

    private final SplitRules rules;
    private final AnswerFinder answers;
    private final Pattern newSolution;
    private final Pattern restatement;

    /**
     * @param rules markers and step boundaries
     * @param extractor the grader's extractor, so that a step reaches an answer exactly when grading would find one
     */
    public RuleBasedSolutionSplitter(SplitRules rules, AnswerExtractor extractor) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.answers = new AnswerFinder(extractor, rules.answerSources());
        this.newSolution = openingPattern(rules.newSolutionMarkers());
        this.restatement = openingPattern(rules.restatementMarkers());
    }

    public SplitRules rules() {
        return rules;
    }

    @Override
    public String name() {
        return "rules";
    }

    @Override
    public List<String> split(String problem, String response) {
        Objects.requireNonNull(response, "response");
        ReasoningParts parts = ReasoningParts.of(response, rules.thinkEndTag());
        List<Integer> starts = roundStarts(parts.reasoning());
        List<String> rounds = new ArrayList<>(starts.size());
        for (int i = 0; i < starts.size(); i++) {
            int end = i + 1 < starts.size() ? starts.get(i + 1) : response.length();
            rounds.add(response.substring(starts.get(i), end));
        }
        return rounds;
    }

    /** Offsets in {@code reasoning} where rounds begin; the first is 0. */
    private List<Integer> roundStarts(String reasoning) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        boolean firstAnswered = false;
        int heldMarker = -1; // start of the first marked step held since the last answer, or -1
        for (int[] step : steps(reasoning)) {
            String text = reasoning.substring(step[0], step[1]);
            if (!firstAnswered) {
                firstAnswered = reachesAnswer(text);
                continue;
            }
            if (isRestatement(text)) {
                continue;
            }
            if (heldMarker < 0 && newSolution.matcher(text).lookingAt()) {
                heldMarker = step[0];
            }
            if (reachesAnswer(text)) {
                if (heldMarker >= 0) {
                    starts.add(heldMarker);
                }
                heldMarker = -1;
            }
        }
        return starts;
    }

    /** Steps of {@code text} as {start, end} offsets that tile it; a boundary's whitespace ends the step before it. */
    List<int[]> steps(String text) {
        List<int[]> steps = new ArrayList<>();
        int n = text.length();
        int start = 0;
        int i = 0;
        while (i < n) {
            if (text.charAt(i) == '\n' && isBoundary(text, i)) {
                int next = i + 1;
                while (next < n && Character.isWhitespace(text.charAt(next))) {
                    next++;
                }
                steps.add(new int[] {start, next});
                start = next;
                i = next;
            } else {
                i++;
            }
        }
        if (start < n) {
            steps.add(new int[] {start, n});
        }
        return steps;
    }

    /** Whether the line break at {@code newline} ends a step. */
    private boolean isBoundary(String text, int newline) {
        if (rules.stepBoundary() == StepBoundary.LINE) {
            return true;
        }
        int j = newline + 1;
        while (j < text.length() && (text.charAt(j) == ' ' || text.charAt(j) == '\t' || text.charAt(j) == '\r')) {
            j++;
        }
        return j < text.length() && text.charAt(j) == '\n';
    }

    private boolean reachesAnswer(String step) {
        return answers.find(step).isPresent();
    }

    private boolean isRestatement(String step) {
        return restatement.matcher(step).lookingAt() || isBareAnswer(step);
    }

    /** A step that is only a boxed answer, such as {@code \[ \boxed{5} \]}. */
    private static boolean isBareAnswer(String step) {
        var box = BOX.matcher(step);
        if (!box.find()) {
            return false;
        }
        StringBuilder rest = new StringBuilder(step.length());
        int from = 0;
        do {
            int close = closingBrace(step, box.end() - 1);
            if (close < 0) {
                return false;
            }
            rest.append(step, from, box.start());
            from = close + 1;
        } while (box.find(from));
        rest.append(step, from, step.length());
        return ANSWER_DELIMITERS.matcher(rest).replaceAll("").isEmpty();
    }

    /** Index of the brace closing the one at {@code open}, skipping escaped characters; -1 when unbalanced. */
    private static int closingBrace(String s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** Matches a step opening with one of {@code markers}, longest first, ending at a word boundary. */
    private static Pattern openingPattern(List<String> markers) {
        if (markers.isEmpty()) {
            return Pattern.compile("(?!)");
        }
        StringBuilder alternatives = new StringBuilder();
        markers.stream().sorted(Comparator.comparingInt(String::length).reversed()).forEach(marker -> {
            if (!alternatives.isEmpty()) {
                alternatives.append('|');
            }
            String m = marker.strip();
            alternatives.append(Pattern.quote(m));
            if (Character.isLetterOrDigit(m.charAt(m.length() - 1))) {
                alternatives.append("(?![\\p{L}\\p{N}])");
            }
        });
        return Pattern.compile(LEAD + "(?:" + alternatives + ")", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }
}
