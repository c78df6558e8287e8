package dev.reason4j.lm.openai.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.reason4j.lm.ChatMessage;
import dev.reason4j.lm.SamplingParams;
import dev.reason4j.lm.openai.Dialect;
import java.util.List;

/**
 * {@link SamplingParams} as request fields. The vLLM dialect sends every parameter vLLM knows and asks for token
 * ids; the OpenAI dialect refuses parameters the API lacks rather than silently dropping them.
 */
public final class RequestEncoder {

    private RequestEncoder() {}

    /** Throws when the OpenAI dialect cannot honour {@code params}; the message names the field. */
    public static void checkSupported(SamplingParams params, Dialect dialect) {
        if (dialect != Dialect.OPENAI) {
            return;
        }
        String field = params.logprobs() ? "logprobs (token ids are needed; use Dialect.VLLM)"
                : params.topK() > 0 ? "topK"
                : !params.stopTokenIds().isEmpty() ? "stopTokenIds"
                : params.ignoreEos() ? "ignoreEos"
                : params.includeStopInOutput() ? "includeStopInOutput"
                : null;
        if (field != null) {
            throw new IllegalArgumentException(field + " is not part of the OpenAI API (Dialect.OPENAI)");
        }
    }

    public static JsonNode textPrompt(String text) {
        return TextNode.valueOf(text);
    }

    public static JsonNode tokenPrompt(List<Integer> ids) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode(ids.size());
        ids.forEach(array::add);
        return array;
    }

    public static Wire.CompletionRequest completion(String model, JsonNode prompt, SamplingParams p, Dialect dialect) {
        boolean vllm = dialect == Dialect.VLLM;
        return new Wire.CompletionRequest(model, prompt, p.maxTokens(), p.n(), p.temperature(), p.topP(),
                vllm && p.topK() > 0 ? p.topK() : null,
                stop(p),
                vllm && !p.stopTokenIds().isEmpty() ? p.stopTokenIds() : null,
                p.seed(),
                p.logprobs() ? p.topLogprobs() : null,
                null, null,
                vllm && p.ignoreEos() ? Boolean.TRUE : null,
                vllm ? p.includeStopInOutput() : null,
                vllm ? p.skipSpecialTokens() : null,
                vllm ? Boolean.FALSE : null,
                vllm ? Boolean.TRUE : null,
                vllm && p.logprobs() ? Boolean.TRUE : null,
                null);
    }

    public static Wire.ChatCompletionRequest chat(String model, List<ChatMessage> messages, SamplingParams p, Dialect dialect) {
        boolean vllm = dialect == Dialect.VLLM;
        List<Wire.Message> wire = messages.stream()
                .map(m -> new Wire.Message(m.role(), TextNode.valueOf(m.content())))
                .toList();
        return new Wire.ChatCompletionRequest(model, wire, p.maxTokens(), null, p.n(), p.temperature(), p.topP(),
                vllm && p.topK() > 0 ? p.topK() : null,
                stop(p),
                vllm && !p.stopTokenIds().isEmpty() ? p.stopTokenIds() : null,
                p.seed(),
                p.logprobs() ? Boolean.TRUE : null,
                p.logprobs() && p.topLogprobs() > 0 ? p.topLogprobs() : null,
                vllm && p.ignoreEos() ? Boolean.TRUE : null,
                vllm ? p.includeStopInOutput() : null,
                vllm ? p.skipSpecialTokens() : null,
                vllm ? Boolean.TRUE : null,
                vllm && p.logprobs() ? Boolean.TRUE : null,
                null);
    }

    /**
     * Asks for the log-probability of every token of {@code ids} given the ones before it (vLLM's
     * {@code prompt_logprobs}); one greedy token is generated because servers require {@code max_tokens >= 1}.
     */
    public static Wire.CompletionRequest promptLogprobs(String model, List<Integer> ids) {
        return new Wire.CompletionRequest(model, tokenPrompt(ids), 1, 1, 0.0, 1.0, null, null, null, 0L, null, null,
                0, null, null, null, Boolean.FALSE, null, null, null);
    }

    private static JsonNode stop(SamplingParams p) {
        if (p.stop().isEmpty()) {
            return null;
        }
        ArrayNode array = JsonNodeFactory.instance.arrayNode(p.stop().size());
        p.stop().forEach(array::add);
        return array;
    }
}
