package dev.reason4j.testbed.model;

import dev.reason4j.search.protocol.CodeStepProtocol;
import dev.reason4j.search.protocol.CotStepProtocol;
import dev.reason4j.search.protocol.PromptTemplate;
import dev.reason4j.testbed.world.WorldJsonl;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Which reference solution of a testbed problem a model learns, and the prompt it follows: the default prompt of
 * the search protocol that reads that solution format, so a trained model continues exactly the text
 * {@code reason4j solve --protocol code|cot} gives it.
 */
public enum ReferenceStyle {
    CODE_CONCISE("code", "concise", WorldJsonl.SOLUTION_CONCISE, CodeStepProtocol.DEFAULT_PROMPT),
    CODE_OVERTHINKING("code", "overthinking", WorldJsonl.SOLUTION_OVERTHINKING, CodeStepProtocol.DEFAULT_PROMPT),
    COT_CONCISE("cot", "concise", WorldJsonl.COT_CONCISE, CotStepProtocol.DEFAULT_PROMPT),
    COT_OVERTHINKING("cot", "overthinking", WorldJsonl.COT_OVERTHINKING, CotStepProtocol.DEFAULT_PROMPT);

    private final String protocol;
    private final String style;
    private final String field;
    private final PromptTemplate prompt;

    ReferenceStyle(String protocol, String style, String field, PromptTemplate prompt) {
        this.protocol = protocol;
        this.style = style;
        this.field = field;
        this.prompt = prompt;
    }

    /** The search protocol that reads this format: {@code code} or {@code cot}. */
    public String protocol() {
        return protocol;
    }

    /** The problem file's field holding the solution. */
    public String field() {
        return field;
    }

    /** The prompt search renders for the protocol. */
    public PromptTemplate prompt() {
        return prompt;
    }

    /**
     * The style for a protocol ({@code code}, {@code cot}) and a reference style ({@code concise},
     * {@code overthinking}).
     *
     * @throws IllegalArgumentException naming the bad value and the choices
     */
    public static ReferenceStyle of(String protocol, String style) {
        return Arrays.stream(values())
                .filter(s -> s.protocol.equals(protocol.toLowerCase(Locale.ROOT)) && s.style.equals(style.toLowerCase(Locale.ROOT)))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no reference solutions for protocol '" + protocol
                        + "' and style '" + style + "' (choices: " + Arrays.stream(values())
                                .map(s -> s.protocol + "/" + s.style).collect(Collectors.joining(", ")) + ")"));
    }

    @Override
    public String toString() {
        return protocol + "/" + style;
    }
}
