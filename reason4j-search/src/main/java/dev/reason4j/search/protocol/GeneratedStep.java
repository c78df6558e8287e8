package dev.reason4j.search.protocol;

import java.util.Objects;

/**
 * One step as the model produced it.
 *
 * @param text what the model wrote, including the step-end marker that stopped it (when a marker did)
 * @param marker the step-end marker that stopped generation, or null
 * @param endOfSequence whether the model ended the sequence (an end-of-sequence token)
 * @param truncated whether the step hit its token limit without ending
 */
public record GeneratedStep(String text, String marker, boolean endOfSequence, boolean truncated) {

    public GeneratedStep {
        Objects.requireNonNull(text, "text");
        int endings = (marker != null ? 1 : 0) + (endOfSequence ? 1 : 0) + (truncated ? 1 : 0);
        if (endings != 1) {
            throw new IllegalArgumentException("a step ends in exactly one way (marker, end of sequence or truncation), "
                    + "got marker " + marker + ", endOfSequence " + endOfSequence + ", truncated " + truncated);
        }
    }
}
