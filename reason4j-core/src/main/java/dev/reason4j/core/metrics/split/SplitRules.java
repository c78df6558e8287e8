package dev.reason4j.core.metrics.split;

import dev.reason4j.core.grading.AnswerExtractor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The knobs of {@link RuleBasedSolutionSplitter}. Immutable; start from {@link #defaults()} or {@link #builder()}.
 *
 * <p>Markers are matched case-insensitively at the start of a step, after leading markdown ({@code **}, {@code #},
 * {@code >}, list bullets) and whitespace, and must end at a word boundary ({@code "wait"} matches "Wait, …" but
 * not "Waiting …").
 *
 * @param newSolutionMarkers openings of a verification or an alternative approach ("Wait", "Alternatively", "Let
 *     me double-check", …): after a round has reached an answer, the first step with such an opening starts the
 *     next round, provided an answer is reached again
 * @param restatementMarkers openings of a restatement of the answer just reached ("Final Answer", "In
 *     conclusion", …): such a step never starts a round; it stays with the round before it
 * @param answerSources which kinds of extracted answers count as a step reaching an answer; the last-number and
 *     bare-choice-letter fallbacks of the extractor are left out by default because every step with a number or
 *     an "option C" would otherwise end a round
 * @param stepBoundary what separates steps
 * @param thinkEndTag the tag that ends the reasoning part (see {@link ReasoningParts})
 */
public record SplitRules(
        List<String> newSolutionMarkers,
        List<String> restatementMarkers,
        Set<AnswerExtractor.Source> answerSources,
        StepBoundary stepBoundary,
        String thinkEndTag) {

    /** Verification, reflection and alternative-approach openings seen in QwQ, DeepSeek-R1 and o1-style output. */
    public static final List<String> DEFAULT_NEW_SOLUTION_MARKERS = List.of(
            "wait", "but wait", "hold on", "hmm", "actually", "alternatively", "another way",
            "another approach", "another method", "a different approach", "a different way", "yet another",
            "on second thought", "let me double-check", "let me double check", "let's double-check",
            "let's double check", "double-check", "double check", "to double-check", "to double check",
            "let me check", "let's check", "let me verify", "let's verify", "to verify", "verify", "verification",
            "to confirm", "let me confirm", "let's confirm", "let me make sure", "let's make sure", "just to be sure",
            "just to make sure", "to be sure", "to be thorough", "let me think again", "let me reconsider",
            "let me re-examine", "let me recheck", "let me re-check", "let me recalculate", "let me recompute",
            "let me redo", "let me try", "let's try", "let me see if", "let me also", "i can also", "we can also",
            "maybe i should", "perhaps i should", "but let me", "however, let me", "check", "checking",
            "sanity check");

    /** Openings of a step that restates the answer just reached. */
    public static final List<String> DEFAULT_RESTATEMENT_MARKERS = List.of(
            "final answer", "the final answer", "answer:", "in conclusion", "to conclude", "in summary",
            "to summarize", "so the final answer", "therefore, the final answer", "thus, the final answer",
            "hence, the final answer");

    public SplitRules {
        newSolutionMarkers = markers("newSolutionMarkers", newSolutionMarkers);
        restatementMarkers = markers("restatementMarkers", restatementMarkers);
        Objects.requireNonNull(answerSources, "answerSources");
        if (answerSources.isEmpty()) {
            throw new IllegalArgumentException("answerSources must name at least one kind of answer, got []");
        }
        answerSources = Set.copyOf(answerSources);
        Objects.requireNonNull(stepBoundary, "stepBoundary");
        if (thinkEndTag == null || thinkEndTag.isBlank()) {
            throw new IllegalArgumentException("thinkEndTag must not be blank, got '" + thinkEndTag + "'");
        }
    }

    private static List<String> markers(String field, List<String> markers) {
        Objects.requireNonNull(markers, field);
        for (String m : markers) {
            if (m == null || m.isBlank()) {
                throw new IllegalArgumentException(field + " must not contain blank markers, got " + markers);
            }
        }
        return List.copyOf(markers);
    }

    public static SplitRules defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder()
                .newSolutionMarkers(newSolutionMarkers)
                .restatementMarkers(restatementMarkers)
                .answerSources(answerSources)
                .stepBoundary(stepBoundary)
                .thinkEndTag(thinkEndTag);
    }

    /** The rules as JSON-shaped values, for run manifests and summaries. */
    public Map<String, Object> toConfig() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("new_solution_markers", newSolutionMarkers);
        config.put("restatement_markers", restatementMarkers);
        config.put("answer_sources", answerSources.stream().map(Enum::name).sorted().toList());
        config.put("step_boundary", stepBoundary.name());
        config.put("think_end_tag", thinkEndTag);
        return config;
    }

    /** Builder for {@link SplitRules}; every setter has a default. */
    public static final class Builder {
        private List<String> newSolutionMarkers = DEFAULT_NEW_SOLUTION_MARKERS;
        private List<String> restatementMarkers = DEFAULT_RESTATEMENT_MARKERS;
        private Set<AnswerExtractor.Source> answerSources = EnumSet.of(
                AnswerExtractor.Source.ANSWER_TAG, AnswerExtractor.Source.BOXED, AnswerExtractor.Source.PHRASE);
        private StepBoundary stepBoundary = StepBoundary.BLANK_LINE;
        private String thinkEndTag = ReasoningParts.THINK_END;

        private Builder() {}

        public Builder newSolutionMarkers(Collection<String> markers) {
            this.newSolutionMarkers = new ArrayList<>(markers);
            return this;
        }

        public Builder restatementMarkers(Collection<String> markers) {
            this.restatementMarkers = new ArrayList<>(markers);
            return this;
        }

        public Builder answerSources(Collection<AnswerExtractor.Source> sources) {
            this.answerSources = sources.isEmpty() ? Set.of() : EnumSet.copyOf(sources);
            return this;
        }

        public Builder stepBoundary(StepBoundary stepBoundary) {
            this.stepBoundary = stepBoundary;
            return this;
        }

        public Builder thinkEndTag(String thinkEndTag) {
            this.thinkEndTag = thinkEndTag;
            return this;
        }

        public SplitRules build() {
            return new SplitRules(newSolutionMarkers, restatementMarkers, answerSources, stepBoundary, thinkEndTag);
        }
    }
}
