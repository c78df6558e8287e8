package dev.reason4j.core.metrics.split;

import java.util.Objects;

/**
 * A response cut into its reasoning and its summary. Long-thought models (DeepSeek-R1 and its distillations, QwQ
 * with a template) think inside {@code <think>…</think>} and then write a short summary for the user; models
 * without the tags have no summary.
 *
 * <p>The cut is after the <em>last</em> closing tag, which stays with the reasoning, so that
 * {@code reasoning + summary} is exactly the response. Without a closing tag (no tags, or thinking cut off by the
 * length limit) the whole response is reasoning.
 *
 * @param reasoning the text up to and including the last closing tag, or the whole response
 * @param summary the text after the last closing tag; empty when there is none
 */
public record ReasoningParts(String reasoning, String summary) {

    /** The closing tag of DeepSeek-R1 style thinking. */
    public static final String THINK_END = "</think>";

    public ReasoningParts {
        Objects.requireNonNull(reasoning, "reasoning");
        Objects.requireNonNull(summary, "summary");
    }

    /** Cuts {@code response} after the last {@link #THINK_END}. */
    public static ReasoningParts of(String response) {
        return of(response, THINK_END);
    }

    /** Cuts {@code response} after the last occurrence of {@code closingTag}. */
    public static ReasoningParts of(String response, String closingTag) {
        Objects.requireNonNull(response, "response");
        if (closingTag == null || closingTag.isEmpty()) {
            throw new IllegalArgumentException("closingTag must not be empty, got '" + closingTag + "'");
        }
        int at = response.lastIndexOf(closingTag);
        if (at < 0) {
            return new ReasoningParts(response, "");
        }
        int cut = at + closingTag.length();
        return new ReasoningParts(response.substring(0, cut), response.substring(cut));
    }

    /** Whether the response has a summary after its reasoning. */
    public boolean hasSummary() {
        return !summary.isBlank();
    }
}
