package dev.reason4j.app.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.reason4j.lm.Completion;
import dev.reason4j.lm.FinishReason;
import dev.reason4j.lm.GenerationResult;
import dev.reason4j.lm.SamplingParams;
import dev.reason4j.lm.TokenLogprob;
import dev.reason4j.lm.Tokenizer;
import dev.reason4j.lm.openai.internal.Wire;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Writes completions and chat responses in vLLM's layout: choice {@code index} is {@code prompt * n + sample},
 * {@code finish_reason} is {@code stop} or {@code length}, {@code stop_reason} is the matched stop string, the stop
 * token id, or null for end-of-sequence; completions logprobs are the parallel lists {@code tokens},
 * {@code token_logprobs}, {@code top_logprobs} (alternatives plus the sampled token), {@code text_offset}; chat
 * logprobs are {@code content[]} entries with {@code bytes}. Log-probabilities of {@code -inf} are written as
 * {@code -9999.0}, as vLLM does, since JSON has no infinity.
 */
final class ResponseBuilder {

    private final String servedName;
    private final Optional<Tokenizer> tokenizer;

    ResponseBuilder(String servedName, Optional<Tokenizer> tokenizer) {
        this.servedName = servedName;
        this.tokenizer = tokenizer;
    }

    /**
     * @param promptLogprobs per prompt, each prompt token's log-probability given the ones before (entry 0 null);
     *     {@code null} when not asked for
     */
    Wire.CompletionResponse completion(ParsedRequest request, List<GenerationResult> results, List<List<Double>> promptLogprobs) {
        SamplingParams params = request.params();
        List<Wire.CompletionChoice> choices = new ArrayList<>();
        for (int p = 0; p < results.size(); p++) {
            GenerationResult result = results.get(p);
            List<Integer> promptIds = result.promptTokenIds();
            List<Double> promptLps = promptLogprobs == null ? null : promptLogprobs.get(p);
            String prefix = request.echo() ? request.promptTexts().get(p) : "";
            for (Completion c : result.completions()) {
                Wire.CompletionLogprobs logprobs = params.logprobs()
                        ? completionLogprobs(c, params, request.tokensAsIds(), request.echo() ? promptIds : List.of(),
                                promptLps, request.echo() ? prefix.length() : 0)
                        : null;
                choices.add(new Wire.CompletionChoice(p * params.n() + c.index(), prefix + c.text(), logprobs,
                        c.finishReason().apiName(), stopReason(c, params),
                        request.returnTokenIds() ? c.tokenIds() : null,
                        request.returnTokenIds() ? promptIds : null,
                        request.promptLogprobs() ? promptLogprobEntries(promptIds, promptLps) : null));
            }
        }
        return new Wire.CompletionResponse("cmpl-" + id(), "text_completion", now(), servedName, choices, usage(results));
    }

    Wire.ChatCompletionResponse chat(ParsedRequest request, GenerationResult result) {
        SamplingParams params = request.params();
        List<Wire.ChatChoice> choices = new ArrayList<>();
        for (Completion c : result.completions()) {
            Wire.ChatLogprobs logprobs = null;
            if (params.logprobs()) {
                List<Wire.ChatTokenLogprob> content = new ArrayList<>(c.logprobs().size());
                for (int i = 0; i < c.logprobs().size(); i++) {
                    TokenLogprob t = c.logprobs().get(i);
                    List<Wire.ChatTopLogprob> top = params.topLogprobs() == 0 ? List.of() : c.topLogprobs().get(i).stream()
                            .map(a -> new Wire.ChatTopLogprob(name(a, request.tokensAsIds()), finite(a.logprob()), bytes(a.token())))
                            .toList();
                    content.add(new Wire.ChatTokenLogprob(name(t, request.tokensAsIds()), finite(t.logprob()),
                            bytes(t.token()), top));
                }
                logprobs = new Wire.ChatLogprobs(content);
            }
            choices.add(new Wire.ChatChoice(c.index(), new Wire.Message("assistant", TextNode.valueOf(c.text())),
                    logprobs, c.finishReason().apiName(), stopReason(c, params),
                    request.returnTokenIds() ? c.tokenIds() : null));
        }
        return new Wire.ChatCompletionResponse("chatcmpl-" + id(), "chat.completion", now(), servedName, choices,
                usage(List.of(result)), request.returnTokenIds() ? result.promptTokenIds() : null);
    }

    private Wire.CompletionLogprobs completionLogprobs(Completion c, SamplingParams params, boolean asIds,
            List<Integer> echoedIds, List<Double> promptLps, int startOffset) {
        int size = echoedIds.size() + c.logprobs().size();
        List<String> tokens = new ArrayList<>(size);
        List<Double> values = new ArrayList<>(size);
        List<Map<String, Double>> top = new ArrayList<>(size);
        List<Integer> offsets = new ArrayList<>(size);
        int offset = 0;
        for (int j = 0; j < echoedIds.size(); j++) {
            int id = echoedIds.get(j);
            String text = tokenText(id);
            String name = asIds ? Wire.TOKEN_ID_PREFIX + id : text;
            Double lp = j == 0 || promptLps == null ? null : finite(promptLps.get(j));
            tokens.add(name);
            values.add(lp);
            top.add(lp == null ? null : Map.of(name, lp));
            offsets.add(offset);
            offset += text.length();
        }
        offset = startOffset;
        for (int i = 0; i < c.logprobs().size(); i++) {
            TokenLogprob t = c.logprobs().get(i);
            String name = name(t, asIds);
            Map<String, Double> alternatives = new LinkedHashMap<>();
            if (params.topLogprobs() > 0) {
                c.topLogprobs().get(i).forEach(a -> alternatives.putIfAbsent(name(a, asIds), finite(a.logprob())));
            }
            alternatives.putIfAbsent(name, finite(t.logprob()));
            tokens.add(name);
            values.add(finite(t.logprob()));
            top.add(alternatives);
            offsets.add(offset);
            offset += t.token().length();
        }
        return new Wire.CompletionLogprobs(offsets, values, tokens, top);
    }

    private List<Map<String, Wire.Logprob>> promptLogprobEntries(List<Integer> ids, List<Double> logprobs) {
        List<Map<String, Wire.Logprob>> entries = new ArrayList<>(ids.size());
        for (int j = 0; j < ids.size(); j++) {
            entries.add(j == 0 ? null : Map.of(String.valueOf(ids.get(j)),
                    new Wire.Logprob(finite(logprobs.get(j)), null, tokenText(ids.get(j)))));
        }
        return entries;
    }

    /** The stop string, else the stop token id, else null (end-of-sequence or length). */
    private static JsonNode stopReason(Completion c, SamplingParams params) {
        if (c.finishReason() != FinishReason.STOP) {
            return null;
        }
        if (c.matchedStop() != null && params.stop().contains(c.matchedStop())) {
            return TextNode.valueOf(c.matchedStop());
        }
        if (!c.tokenIds().isEmpty() && params.stopTokenIds().contains(c.tokenIds().get(c.tokenIds().size() - 1))) {
            return IntNode.valueOf(c.tokenIds().get(c.tokenIds().size() - 1));
        }
        return null;
    }

    private static Wire.UsageInfo usage(List<GenerationResult> results) {
        int prompt = 0;
        int cached = 0;
        int completion = 0;
        for (GenerationResult r : results) {
            prompt += r.usage().promptTokens();
            cached += r.usage().cachedPromptTokens();
            completion += r.usage().completionTokens();
        }
        return new Wire.UsageInfo(prompt, prompt + completion, completion,
                cached > 0 ? new Wire.PromptTokensDetails(cached) : null);
    }

    private String tokenText(int id) {
        return tokenizer.map(t -> t.tokenText(id)).orElse("");
    }

    private static String name(TokenLogprob t, boolean asIds) {
        return asIds ? Wire.TOKEN_ID_PREFIX + t.tokenId() : t.token();
    }

    private static List<Integer> bytes(String text) {
        byte[] raw = text.getBytes(StandardCharsets.UTF_8);
        List<Integer> bytes = new ArrayList<>(raw.length);
        for (byte b : raw) {
            bytes.add(b & 0xff);
        }
        return bytes;
    }

    static double finite(double logprob) {
        return Double.isFinite(logprob) ? logprob : -9999.0;
    }

    private static String id() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    private static long now() {
        return System.currentTimeMillis() / 1000;
    }
}
