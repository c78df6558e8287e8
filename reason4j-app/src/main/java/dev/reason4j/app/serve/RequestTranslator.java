package dev.reason4j.app.serve;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reason4j.lm.ChatMessage;
import dev.reason4j.lm.LanguageModel;
import dev.reason4j.lm.ModelInfo;
import dev.reason4j.lm.Prompt;
import dev.reason4j.lm.SamplingParams;
import dev.reason4j.lm.Tokenizer;
import dev.reason4j.lm.openai.internal.Wire;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

/**
 * Validates completions and chat requests against the server's limits and the model, and turns them into prompts
 * and {@link SamplingParams}. Defaults follow vLLM: {@code max_tokens} 16 for completions and the rest of the
 * context for chats, temperature 1, {@code skip_special_tokens} and {@code add_special_tokens} on, a random seed
 * when none is given.
 */
final class RequestTranslator {

    /** Fields this server does not implement, with the values that mean "not used". */
    private static final Map<String, Predicate<JsonNode>> UNSUPPORTED = Map.ofEntries(
            Map.entry("stream", v -> !v.asBoolean(false)),
            Map.entry("suffix", v -> v.asText("").isEmpty()),
            Map.entry("logit_bias", v -> v.isEmpty()),
            Map.entry("presence_penalty", v -> v.asDouble(0) == 0),
            Map.entry("frequency_penalty", v -> v.asDouble(0) == 0),
            Map.entry("repetition_penalty", v -> v.asDouble(1) == 1),
            Map.entry("min_p", v -> v.asDouble(0) == 0),
            Map.entry("min_tokens", v -> v.asInt(0) == 0),
            Map.entry("use_beam_search", v -> !v.asBoolean(false)),
            Map.entry("best_of", v -> v.asInt(1) <= 1),
            Map.entry("tools", v -> v.isEmpty()),
            Map.entry("response_format", v -> v.path("type").asText("text").equals("text")),
            Map.entry("structured_outputs", JsonNode::isEmpty),
            Map.entry("guided_json", JsonNode::isEmpty),
            Map.entry("guided_regex", JsonNode::isEmpty),
            Map.entry("guided_choice", JsonNode::isEmpty));

    private final LanguageModel model;
    private final String servedName;
    private final ServeConfig config;

    RequestTranslator(LanguageModel model, String servedName, ServeConfig config) {
        this.model = model;
        this.servedName = servedName;
        this.config = config;
    }

    ParsedRequest completion(JsonNode body) {
        checkSupported(body);
        Wire.CompletionRequest r = JsonBodies.as(body, Wire.CompletionRequest.class);
        checkModel(r.model());
        List<Prompt> prompts = completionPrompts(r.prompt(), r.addSpecialTokens() == null || r.addSpecialTokens());
        int longest = 0;
        for (int i = 0; i < prompts.size(); i++) {
            longest = Math.max(longest, checkLength(prompts.get(i), prompts.size() == 1 ? "prompt" : "prompt[" + i + "]"));
        }
        boolean echo = Boolean.TRUE.equals(r.echo());
        int logprobs = r.logprobs() == null ? -1 : r.logprobs();
        if (logprobs < -1 || logprobs > model.info().maxTopLogprobs()) {
            throw ApiError.badRequest("logprobs", "logprobs must be in [0, " + model.info().maxTopLogprobs()
                    + "], was " + logprobs);
        }
        boolean promptLogprobs = r.promptLogprobs() != null;
        if (promptLogprobs && r.promptLogprobs() != 0) {
            throw ApiError.badRequest("prompt_logprobs", "prompt_logprobs supports only 0 (each prompt token's own"
                    + " log-probability), was " + r.promptLogprobs());
        }
        if ((promptLogprobs || (echo && logprobs >= 0)) && !model.info().can(ModelInfo.Capability.SCORE)) {
            throw ApiError.badRequest("prompt_logprobs", model.info().id() + " cannot score prompts");
        }
        SamplingParams params = params(r.maxTokens(), 16, longest, r.n(), r.temperature(), r.topP(), r.topK(), r.stop(),
                r.stopTokenIds(), r.seed(), logprobs >= 0, Math.max(logprobs, 0), r.ignoreEos(),
                r.includeStopStrInOutput(), r.skipSpecialTokens());
        List<String> texts = echo ? echoTexts(r.prompt(), prompts) : null;
        return new ParsedRequest(prompts, texts, params, echo, promptLogprobs, Boolean.TRUE.equals(r.returnTokenIds()),
                Boolean.TRUE.equals(r.returnTokensAsTokenIds()));
    }

    ParsedRequest chat(JsonNode body) {
        checkSupported(body);
        Wire.ChatCompletionRequest r = JsonBodies.as(body, Wire.ChatCompletionRequest.class);
        checkModel(r.model());
        if (!model.info().can(ModelInfo.Capability.CHAT)) {
            throw ApiError.badRequest(model.info().id() + " has no chat template; use /v1/completions");
        }
        Prompt prompt = Prompt.chat(messages(r.messages()));
        int length = checkLength(prompt, "messages");
        boolean logprobs = Boolean.TRUE.equals(r.logprobs());
        int top = r.topLogprobs() == null ? 0 : r.topLogprobs();
        if (top < 0 || top > model.info().maxTopLogprobs() || (top > 0 && !logprobs)) {
            throw ApiError.badRequest("top_logprobs", "top_logprobs must be in [0, " + model.info().maxTopLogprobs()
                    + "] and needs logprobs: true, was " + top);
        }
        Integer maxTokens = r.maxCompletionTokens() != null ? r.maxCompletionTokens() : r.maxTokens();
        int rest = model.info().contextLength() - length;
        SamplingParams params = params(maxTokens, Math.min(config.maxTokens(), rest), length, r.n(), r.temperature(),
                r.topP(), r.topK(), r.stop(), r.stopTokenIds(), r.seed(), logprobs, top, r.ignoreEos(),
                r.includeStopStrInOutput(), r.skipSpecialTokens());
        return new ParsedRequest(List.of(prompt), null, params, false, false, Boolean.TRUE.equals(r.returnTokenIds()),
                Boolean.TRUE.equals(r.returnTokensAsTokenIds()));
    }

    private static void checkSupported(JsonNode body) {
        UNSUPPORTED.forEach((field, unused) -> {
            JsonNode value = body.get(field);
            if (value != null && !value.isNull() && !unused.test(value)) {
                throw ApiError.badRequest(field, field + " is not supported by this server");
            }
        });
    }

    private void checkModel(String requested) {
        if (requested != null && !requested.equals(servedName)) {
            throw ApiError.notFound("The model `" + requested + "` does not exist.");
        }
    }

    private List<Prompt> completionPrompts(JsonNode prompt, boolean addSpecialTokens) {
        if (prompt == null || prompt.isNull()) {
            throw ApiError.badRequest("prompt", "prompt is required");
        }
        List<Prompt> prompts = new ArrayList<>();
        if (prompt.isTextual()) {
            prompts.add(textPrompt(prompt.asText(), addSpecialTokens));
        } else if (prompt.isArray() && !prompt.isEmpty() && prompt.get(0).isIntegralNumber()) {
            prompts.add(Prompt.tokens(tokenIds(prompt, "prompt")));
        } else if (prompt.isArray() && !prompt.isEmpty()) {
            for (int i = 0; i < prompt.size(); i++) {
                JsonNode item = prompt.get(i);
                if (item.isTextual()) {
                    prompts.add(textPrompt(item.asText(), addSpecialTokens));
                } else if (item.isArray()) {
                    prompts.add(Prompt.tokens(tokenIds(item, "prompt[" + i + "]")));
                } else {
                    throw ApiError.badRequest("prompt", "prompt[" + i + "] must be a string or a list of token ids");
                }
            }
        } else {
            throw ApiError.badRequest("prompt", "prompt must be a string, a list of strings, a list of token ids or"
                    + " a list of such lists, and not empty");
        }
        if (prompts.size() > config.maxPromptsPerRequest()) {
            throw ApiError.badRequest("prompt", "at most " + config.maxPromptsPerRequest() + " prompts per request, got "
                    + prompts.size());
        }
        return prompts;
    }

    /** vLLM adds the tokenizer's special tokens (a BOS) to text prompts unless told not to. */
    private Prompt textPrompt(String text, boolean addSpecialTokens) {
        if (text.isEmpty()) {
            throw ApiError.badRequest("prompt", "prompt must not be empty");
        }
        Optional<Tokenizer> tokenizer = model.tokenizer();
        if (addSpecialTokens && tokenizer.isPresent() && model.info().can(ModelInfo.Capability.TOKEN_PROMPTS)) {
            int[] with = tokenizer.get().encode(text, true);
            if (!Arrays.equals(with, tokenizer.get().encode(text, false))) {
                return Prompt.tokens(with);
            }
        }
        return Prompt.text(text);
    }

    private static List<Integer> tokenIds(JsonNode array, String field) {
        if (array.isEmpty()) {
            throw ApiError.badRequest("prompt", field + " must not be empty");
        }
        List<Integer> ids = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            JsonNode id = array.get(i);
            if (!id.isInt() || id.asInt() < 0) {
                throw ApiError.badRequest("prompt", field + "[" + i + "] must be a token id >= 0, was " + id);
            }
            ids.add(id.asInt());
        }
        return ids;
    }

    static List<ChatMessage> messages(List<Wire.Message> wire) {
        if (wire == null || wire.isEmpty()) {
            throw ApiError.badRequest("messages", "messages must be a non-empty list");
        }
        List<ChatMessage> messages = new ArrayList<>(wire.size());
        for (int i = 0; i < wire.size(); i++) {
            Wire.Message m = wire.get(i);
            if (m == null || m.role() == null || m.role().isBlank()) {
                throw ApiError.badRequest("messages", "messages[" + i + "].role is required");
            }
            messages.add(new ChatMessage(m.role(), content(m.content(), i)));
        }
        return messages;
    }

    /** A string, or text parts joined; images and other parts are refused. */
    private static String content(JsonNode content, int index) {
        if (content != null && content.isTextual()) {
            return content.asText();
        }
        if (content != null && content.isArray()) {
            StringBuilder text = new StringBuilder();
            for (JsonNode part : content) {
                if (!"text".equals(part.path("type").asText()) || !part.path("text").isTextual()) {
                    throw ApiError.badRequest("messages", "messages[" + index + "].content: only text parts are"
                            + " supported");
                }
                text.append(part.get("text").asText());
            }
            return text.toString();
        }
        throw ApiError.badRequest("messages", "messages[" + index + "].content must be a string or a list of text parts");
    }

    /** The prompt's length in tokens (when the model has a local tokenizer), checked against limits and context. */
    private int checkLength(Prompt prompt, String field) {
        Optional<Tokenizer> tokenizer = model.tokenizer();
        if (tokenizer.isEmpty() && !(prompt instanceof Prompt.Tokens)) {
            return 0;
        }
        int length = switch (prompt) {
            case Prompt.Tokens tokens -> tokens.ids().size();
            case Prompt.Text text -> tokenizer.orElseThrow().encode(text.text()).length;
            case Prompt.Chat chat -> tokenizer.orElseThrow()
                    .encode(tokenizer.orElseThrow().applyChatTemplate(chat.messages(), true)).length;
        };
        int context = model.info().contextLength();
        if (length >= context) {
            throw ApiError.badRequest(field, "This model's maximum context length is " + context + " tokens, but the "
                    + field + " has " + length + " tokens. Please shorten it.");
        }
        if (length > config.maxPromptTokens()) {
            throw ApiError.badRequest(field, "The " + field + " has " + length + " tokens; this server accepts at most "
                    + config.maxPromptTokens() + " prompt tokens.");
        }
        return length;
    }

    private SamplingParams params(Integer maxTokens, int defaultMaxTokens, int promptLength, Integer n, Double temperature,
            Double topP, Integer topK, JsonNode stop, List<Integer> stopTokenIds, Long seed, boolean logprobs,
            int topLogprobs, Boolean ignoreEos, Boolean includeStop, Boolean skipSpecial) {
        int context = model.info().contextLength();
        int tokens = maxTokens == null ? Math.max(1, Math.min(defaultMaxTokens, context - promptLength)) : maxTokens;
        if (tokens < 1 || tokens > config.maxTokens()) {
            throw ApiError.badRequest("max_tokens", "max_tokens must be in [1, " + config.maxTokens() + "], was " + tokens);
        }
        if (maxTokens != null && promptLength > 0 && promptLength + tokens > context) {
            throw ApiError.badRequest("max_tokens", "This model's maximum context length is " + context + " tokens."
                    + " However, you requested " + (promptLength + tokens) + " tokens (" + promptLength
                    + " in the prompt, " + tokens + " in the completion). Please reduce the length of the prompt or"
                    + " completion.");
        }
        int samples = n == null ? 1 : n;
        if (samples < 1 || samples > config.maxN()) {
            throw ApiError.badRequest("n", "n must be in [1, " + config.maxN() + "], was " + samples);
        }
        int k = topK == null || topK == -1 ? 0 : topK;
        try {
            return SamplingParams.builder()
                    .n(samples)
                    .maxTokens(tokens)
                    .temperature(temperature == null ? 1.0 : temperature)
                    .topP(topP == null ? 1.0 : topP)
                    .topK(k)
                    .stop(stops(stop))
                    .stopTokenIds(stopTokenIds == null ? List.of() : stopTokenIds)
                    .seed(seed == null ? ThreadLocalRandom.current().nextLong() : seed)
                    .logprobs(logprobs)
                    .topLogprobs(topLogprobs)
                    .ignoreEos(Boolean.TRUE.equals(ignoreEos))
                    .includeStopInOutput(Boolean.TRUE.equals(includeStop))
                    .skipSpecialTokens(skipSpecial == null || skipSpecial)
                    .build();
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest(e.getMessage());
        }
    }

    private static List<String> stops(JsonNode stop) {
        if (stop == null || stop.isNull()) {
            return List.of();
        }
        if (stop.isTextual()) {
            return List.of(stop.asText());
        }
        if (stop.isArray()) {
            List<String> stops = new ArrayList<>();
            for (JsonNode s : stop) {
                if (!s.isTextual()) {
                    throw ApiError.badRequest("stop", "stop must be a string or a list of strings");
                }
                stops.add(s.asText());
            }
            return stops;
        }
        throw ApiError.badRequest("stop", "stop must be a string or a list of strings");
    }

    /** The text {@code echo} puts in front: a text prompt as given, token ids decoded. */
    private List<String> echoTexts(JsonNode json, List<Prompt> prompts) {
        List<String> texts = new ArrayList<>(prompts.size());
        for (int i = 0; i < prompts.size(); i++) {
            JsonNode item = json.isTextual() ? json : json.get(i);
            if (item != null && item.isTextual()) {
                texts.add(item.asText());
            } else {
                int[] ids = ((Prompt.Tokens) prompts.get(i)).toArray();
                texts.add(model.tokenizer()
                        .orElseThrow(() -> ApiError.badRequest("echo", "echo of token prompts needs the model's tokenizer"))
                        .decode(ids, false));
            }
        }
        return texts;
    }
}
