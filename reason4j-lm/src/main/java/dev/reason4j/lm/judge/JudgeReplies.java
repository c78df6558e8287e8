package dev.reason4j.lm.judge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;

/**
 * Reads the JSON a judge model was asked to reply with. Models wrap JSON in prose or code fences and sometimes
 * think first, so the reply's last balanced JSON value of the wanted kind is taken.
 */
final class JudgeReplies {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JudgeReplies() {}

    /** The last JSON array in {@code reply}, if any parses. */
    static Optional<JsonNode> lastArray(String reply) {
        return last(reply, '[', ']');
    }

    /** The last JSON object in {@code reply}, if any parses. */
    static Optional<JsonNode> lastObject(String reply) {
        return last(reply, '{', '}');
    }

    private static Optional<JsonNode> last(String reply, char open, char close) {
        for (int end = reply.lastIndexOf(close); end >= 0; end = reply.lastIndexOf(close, end - 1)) {
            int depth = 0;
            for (int i = end; i >= 0; i--) {
                char c = reply.charAt(i);
                if (c == close) {
                    depth++;
                } else if (c == open && --depth == 0) {
                    try {
                        return Optional.of(JSON.readTree(reply.substring(i, end + 1)));
                    } catch (Exception notJson) {
                        break;
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** Quotes a piece of the response for a prompt, cutting its middle when it is longer than {@code maxChars}. */
    static String excerpt(String text, int maxChars) {
        String t = text.strip();
        if (t.length() <= maxChars) {
            return t;
        }
        int half = maxChars / 2;
        return t.substring(0, half) + " […] " + t.substring(t.length() - half);
    }
}
