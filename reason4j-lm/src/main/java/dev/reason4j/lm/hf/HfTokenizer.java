package dev.reason4j.lm.hf;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reason4j.lm.ChatMessage;
import dev.reason4j.lm.LanguageModelException;
import dev.reason4j.lm.Tokenizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/**
 * A Hugging Face tokenizer directory: {@code tokenizer.json} (required), {@code tokenizer_config.json} (special
 * tokens, chat template) and {@code chat_template.jinja} (newer checkpoints keep the template there).
 *
 * <pre>{@code
 * try (Tokenizer tokenizer = HfTokenizer.load(Path.of("models/qwen2"))) {
 *     int[] ids = tokenizer.encode("What is 2+3?");
 * }
 * }</pre>
 */
public final class HfTokenizer implements Tokenizer {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> SPECIAL_TOKEN_FIELDS =
            List.of("bos_token", "eos_token", "pad_token", "unk_token", "sep_token", "cls_token", "mask_token");

    private final HuggingFaceTokenizer tokenizer;
    private final Map<String, Integer> addedTokens;
    private final Set<String> specialTokens;
    private final Set<Integer> eosTokenIds;
    private final ChatTemplate chatTemplate;

    private HfTokenizer(HuggingFaceTokenizer tokenizer, Map<String, Integer> addedTokens, Set<String> specialTokens,
            Set<Integer> eosTokenIds, ChatTemplate chatTemplate) {
        this.tokenizer = tokenizer;
        this.addedTokens = Map.copyOf(addedTokens);
        this.specialTokens = Set.copyOf(specialTokens);
        this.eosTokenIds = Set.copyOf(eosTokenIds);
        this.chatTemplate = chatTemplate;
    }

    /**
     * Loads the tokenizer files of a model directory.
     *
     * @throws LanguageModelException naming the file when one is missing or malformed
     */
    public static HfTokenizer load(Path dir) {
        Path tokenizerJson = dir.resolve("tokenizer.json");
        if (!Files.isRegularFile(tokenizerJson)) {
            throw new LanguageModelException(tokenizerJson + ": missing (a Hugging Face tokenizer.json is required)");
        }
        JsonNode tokenizerTree = readJson(tokenizerJson);
        Map<String, Integer> added = new HashMap<>();
        Set<String> special = new LinkedHashSet<>();
        for (JsonNode token : tokenizerTree.path("added_tokens")) {
            added.put(token.path("content").asText(), token.path("id").asInt());
            if (token.path("special").asBoolean(false)) {
                special.add(token.path("content").asText());
            }
        }
        Path configFile = dir.resolve("tokenizer_config.json");
        JsonNode config = Files.isRegularFile(configFile) ? readJson(configFile) : JSON.createObjectNode();
        Map<String, String> templateVariables = new HashMap<>();
        for (String field : SPECIAL_TOKEN_FIELDS) {
            String content = tokenContent(config.get(field));
            if (content != null) {
                templateVariables.put(field, content);
            }
        }
        HuggingFaceTokenizer hf;
        try {
            // Prompts carry their own markup; truncation or padding would silently change token counts.
            hf = HuggingFaceTokenizer.newInstance(tokenizerJson,
                    Map.of("addSpecialTokens", "false", "truncation", "false", "padding", "false"));
        } catch (IOException | RuntimeException e) {
            throw new LanguageModelException(tokenizerJson + ": cannot load: " + e.getMessage(), e);
        }
        try {
            Set<Integer> eos = new LinkedHashSet<>();
            String eosToken = templateVariables.get("eos_token");
            if (eosToken != null) {
                lookUp(hf, added, eosToken).ifPresent(eos::add);
            }
            ChatTemplate template = readChatTemplate(dir, configFile, config, templateVariables);
            return new HfTokenizer(hf, added, special, eos, template);
        } catch (RuntimeException e) {
            hf.close();
            throw e;
        }
    }

    @Override
    public int[] encode(String text, boolean addSpecialTokens) {
        long[] ids = tokenizer.encode(text, addSpecialTokens, false).getIds();
        int[] result = new int[ids.length];
        for (int i = 0; i < ids.length; i++) {
            result[i] = Math.toIntExact(ids[i]);
        }
        return result;
    }

    @Override
    public String decode(int[] ids, boolean skipSpecialTokens) {
        return tokenizer.decode(Arrays.stream(ids).asLongStream().toArray(), skipSpecialTokens);
    }

    @Override
    public OptionalInt tokenId(String token) {
        return lookUp(tokenizer, addedTokens, token);
    }

    /** An added token by content, else a string that encodes to exactly one token and decodes back to itself. */
    private static OptionalInt lookUp(HuggingFaceTokenizer tokenizer, Map<String, Integer> addedTokens, String token) {
        Integer added = addedTokens.get(token);
        if (added != null) {
            return OptionalInt.of(added);
        }
        long[] ids = tokenizer.encode(token, false, false).getIds();
        return ids.length == 1 && tokenizer.decode(ids, false).equals(token)
                ? OptionalInt.of(Math.toIntExact(ids[0])) : OptionalInt.empty();
    }

    @Override
    public Set<String> specialTokens() {
        return specialTokens;
    }

    @Override
    public Set<Integer> eosTokenIds() {
        return eosTokenIds;
    }

    @Override
    public boolean hasChatTemplate() {
        return chatTemplate != null;
    }

    @Override
    public String applyChatTemplate(List<ChatMessage> messages, boolean addGenerationPrompt) {
        if (chatTemplate == null) {
            throw new LanguageModelException("this tokenizer has no chat template (neither tokenizer_config.json "
                    + "field 'chat_template' nor chat_template.jinja): use text or token prompts");
        }
        return chatTemplate.render(messages, addGenerationPrompt);
    }

    @Override
    public void close() {
        tokenizer.close();
    }

    /** Special tokens are written as a string or as an AddedToken object {"content": ...}. */
    private static String tokenContent(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isTextual()) {
            return node.asText();
        }
        JsonNode content = node.get("content");
        return content != null && content.isTextual() ? content.asText() : null;
    }

    private static ChatTemplate readChatTemplate(Path dir, Path configFile, JsonNode config, Map<String, String> vars) {
        Path jinja = dir.resolve("chat_template.jinja");
        if (Files.isRegularFile(jinja)) {
            try {
                return new ChatTemplate(Files.readString(jinja), jinja.toString(), vars);
            } catch (IOException e) {
                throw new LanguageModelException(jinja + ": cannot read: " + e.getMessage(), e);
            }
        }
        JsonNode template = config.get("chat_template");
        if (template == null || template.isNull()) {
            return null;
        }
        if (template.isTextual()) {
            return new ChatTemplate(template.asText(), configFile + " field 'chat_template'", vars);
        }
        // A list of named templates: the chat one is called "default".
        for (JsonNode named : template) {
            if ("default".equals(named.path("name").asText())) {
                return new ChatTemplate(named.path("template").asText(),
                        configFile + " field 'chat_template' (default)", vars);
            }
        }
        throw new LanguageModelException(configFile + " field 'chat_template': expected a string or a list with a "
                + "template named 'default'");
    }

    private static JsonNode readJson(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            String reason = e instanceof NoSuchFileException ? "missing" : "not valid JSON: " + e.getMessage();
            throw new LanguageModelException(file + ": " + reason, e);
        }
    }
}
