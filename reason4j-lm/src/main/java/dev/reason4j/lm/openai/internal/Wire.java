package dev.reason4j.lm.openai.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.List;
import java.util.Map;

/**
 * The JSON bodies of the OpenAI API as vLLM implements it (field names are snake_case on the wire), shared by the
 * client and {@code reason4j serve} so both speak exactly the same shapes. Unknown fields are ignored when reading,
 * null fields left out when writing except those OpenAI always writes ({@code logprobs}, {@code finish_reason},
 * {@code stop_reason}, error {@code param}). Polymorphic fields ({@code prompt}, {@code stop}, message {@code content},
 * {@code stop_reason}, error {@code code}) stay {@link JsonNode}s.
 */
public final class Wire {

    private Wire() {}

    /** Reads and writes the records below. */
    public static final JsonMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.USE_DEFAULTS))
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    /** Prefix vLLM writes before token ids when {@code return_tokens_as_token_ids} is set. */
    public static final String TOKEN_ID_PREFIX = "token_id:";

    /** {@code POST /v1/completions}. {@code prompt}: a string, a list of strings, token ids or lists of token ids. */
    public record CompletionRequest(
            String model,
            JsonNode prompt,
            Integer maxTokens,
            Integer n,
            Double temperature,
            Double topP,
            Integer topK,
            JsonNode stop,
            List<Integer> stopTokenIds,
            Long seed,
            Integer logprobs,
            Boolean echo,
            Integer promptLogprobs,
            Boolean ignoreEos,
            Boolean includeStopStrInOutput,
            Boolean skipSpecialTokens,
            Boolean addSpecialTokens,
            Boolean returnTokenIds,
            Boolean returnTokensAsTokenIds,
            Boolean stream) {}

    /** {@code POST /v1/chat/completions}. */
    public record ChatCompletionRequest(
            String model,
            List<Message> messages,
            Integer maxTokens,
            Integer maxCompletionTokens,
            Integer n,
            Double temperature,
            Double topP,
            Integer topK,
            JsonNode stop,
            List<Integer> stopTokenIds,
            Long seed,
            Boolean logprobs,
            Integer topLogprobs,
            Boolean ignoreEos,
            Boolean includeStopStrInOutput,
            Boolean skipSpecialTokens,
            Boolean returnTokenIds,
            Boolean returnTokensAsTokenIds,
            Boolean stream) {}

    /** A chat message; {@code content} is a string or a list of {@code {"type": "text", "text": ...}} parts. */
    public record Message(String role, JsonNode content) {}

    /** {@code text_completion} response. */
    public record CompletionResponse(
            String id, String object, Long created, String model, List<CompletionChoice> choices, UsageInfo usage) {}

    /**
     * One choice of a completion. With {@code echo} the text and logprobs start with the prompt's. {@code stop_reason}
     * (vLLM) is the matched stop string, the stop token id, or null for EOS and length.
     * {@code prompt_logprobs[i]} maps token ids (as strings) to {@link Logprob}s; entry 0 is null.
     */
    public record CompletionChoice(
            int index,
            String text,
            @JsonInclude(JsonInclude.Include.ALWAYS) CompletionLogprobs logprobs,
            @JsonInclude(JsonInclude.Include.ALWAYS) String finishReason,
            @JsonInclude(JsonInclude.Include.ALWAYS) JsonNode stopReason,
            List<Integer> tokenIds,
            List<Integer> promptTokenIds,
            List<Map<String, Logprob>> promptLogprobs) {}

    /** The legacy completions logprobs layout: parallel lists, one entry per token. */
    public record CompletionLogprobs(
            List<Integer> textOffset, List<Double> tokenLogprobs, List<String> tokens, List<Map<String, Double>> topLogprobs) {}

    /** vLLM's prompt logprob entry. */
    public record Logprob(Double logprob, Integer rank, String decodedToken) {}

    /** {@code chat.completion} response; {@code prompt_token_ids} is vLLM's, with {@code return_token_ids}. */
    public record ChatCompletionResponse(
            String id,
            String object,
            Long created,
            String model,
            List<ChatChoice> choices,
            UsageInfo usage,
            List<Integer> promptTokenIds) {}

    public record ChatChoice(
            int index,
            Message message,
            @JsonInclude(JsonInclude.Include.ALWAYS) ChatLogprobs logprobs,
            @JsonInclude(JsonInclude.Include.ALWAYS) String finishReason,
            @JsonInclude(JsonInclude.Include.ALWAYS) JsonNode stopReason,
            List<Integer> tokenIds) {}

    public record ChatLogprobs(List<ChatTokenLogprob> content) {}

    public record ChatTokenLogprob(String token, double logprob, List<Integer> bytes, List<ChatTopLogprob> topLogprobs) {}

    public record ChatTopLogprob(String token, double logprob, List<Integer> bytes) {}

    public record UsageInfo(int promptTokens, int totalTokens, Integer completionTokens, PromptTokensDetails promptTokensDetails) {}

    public record PromptTokensDetails(Integer cachedTokens) {}

    /** {@code {"error": {...}}}; {@code code} is vLLM's HTTP status or OpenAI's string code. */
    public record ErrorResponse(ErrorInfo error) {}

    public record ErrorInfo(String message, String type, @JsonInclude(JsonInclude.Include.ALWAYS) String param, JsonNode code) {}

    /** {@code GET /v1/models}. */
    public record ModelList(String object, List<ModelCard> data) {}

    /** {@code max_model_len} is vLLM's: the context length. */
    public record ModelCard(String id, String object, Long created, String ownedBy, String root, Integer maxModelLen) {}

    /** vLLM's {@code POST /tokenize}: either {@code prompt} or {@code messages}. */
    public record TokenizeRequest(
            String model, String prompt, List<Message> messages, Boolean addSpecialTokens, Boolean addGenerationPrompt) {}

    public record TokenizeResponse(int count, Integer maxModelLen, List<Integer> tokens) {}

    /** vLLM's {@code POST /detokenize}. */
    public record DetokenizeRequest(String model, List<Integer> tokens) {}

    public record DetokenizeResponse(String prompt) {}
}
