package dev.reason4j.lm.hf;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.interpret.RenderResult;
import com.hubspot.jinjava.interpret.TemplateError;
import com.hubspot.jinjava.lib.fn.ELFunctionDefinition;
import dev.reason4j.lm.ChatMessage;
import dev.reason4j.lm.LanguageModelException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A model's Jinja chat template, rendered the way {@code transformers} renders it: {@code trim_blocks} and
 * {@code lstrip_blocks} on, {@code messages} as a list of {@code {role, content}} maps, {@code add_generation_prompt},
 * the tokenizer's special tokens ({@code bos_token}, {@code eos_token}, …) and a {@code raise_exception(msg)}
 * function that templates call to reject a conversation.
 */
public final class ChatTemplate {

    private static final String RAISED = "chat template raised: ";
    /** Jinja's whitespace control ({@code {{-}}, {@code -%}}, …): applied here because Jinjava ignores it on {@code {{-}}. */
    private static final Pattern TRIM_BEFORE = Pattern.compile("\\s*(\\{[{%#])-");
    private static final Pattern TRIM_AFTER = Pattern.compile("-([}%#]})\\s*");

    private final String source;
    private final String prepared;
    private final String origin;
    private final Map<String, Object> specialTokens;
    private final Jinjava jinjava;

    /**
     * @param source the Jinja text
     * @param origin where it came from, for error messages (a file and field)
     * @param specialTokens variables such as {@code bos_token} that templates read
     */
    public ChatTemplate(String source, String origin, Map<String, String> specialTokens) {
        this.source = Objects.requireNonNull(source, "source");
        this.prepared = TRIM_AFTER.matcher(TRIM_BEFORE.matcher(source).replaceAll("$1")).replaceAll("$1");
        this.origin = Objects.requireNonNull(origin, "origin");
        this.specialTokens = Map.copyOf(specialTokens);
        this.jinjava = new Jinjava(JinjavaConfig.newBuilder()
                .withTrimBlocks(true)
                .withLstripBlocks(true)
                .withMaxRenderDepth(10)
                .build());
        jinjava.getGlobalContext().registerFunction(new ELFunctionDefinition(
                "", "raise_exception", ChatTemplate.class, "raiseException", String.class));
    }

    /** Called by templates; the message ends up in the {@link LanguageModelException} that render throws. */
    public static String raiseException(String message) {
        throw new IllegalArgumentException(RAISED + message);
    }

    public String source() {
        return source;
    }

    /** Renders {@code messages}; with {@code addGenerationPrompt} the text ends where the assistant's reply begins. */
    public String render(List<ChatMessage> messages, boolean addGenerationPrompt) {
        Map<String, Object> bindings = new HashMap<>(specialTokens);
        bindings.put("messages", messages.stream().map(ChatTemplate::asMap).toList());
        bindings.put("add_generation_prompt", addGenerationPrompt);
        RenderResult result = jinjava.renderForResult(prepared, bindings);
        List<TemplateError> fatal = result.getErrors().stream()
                .filter(e -> e.getSeverity() == TemplateError.ErrorType.FATAL)
                .toList();
        if (!fatal.isEmpty()) {
            throw new LanguageModelException("chat template from " + origin + " failed: " + fatal.stream()
                    .map(ChatTemplate::describe)
                    .collect(Collectors.joining("; ")));
        }
        return result.getOutput();
    }

    private static String describe(TemplateError error) {
        for (Throwable cause = error.getException(); cause != null; cause = cause.getCause()) {
            String message = cause.getMessage();
            if (message != null && message.contains(RAISED)) {
                return message.substring(message.indexOf(RAISED));
            }
        }
        return "line " + error.getLineno() + ": " + error.getMessage();
    }

    private static Map<String, Object> asMap(ChatMessage message) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("role", message.role());
        map.put("content", message.content());
        return map;
    }
}
