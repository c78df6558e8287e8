package dev.reason4j.lm.openai.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reason4j.lm.Completion;
import dev.reason4j.lm.FinishReason;
import dev.reason4j.lm.GenerationResult;
import dev.reason4j.lm.SamplingParams;
import dev.reason4j.lm.TokenLogprob;
import dev.reason4j.lm.Usage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns completion and chat-completion responses into {@link GenerationResult}s. Token ids come from vLLM's
 * {@code token_ids} or from logprob tokens written as {@code token_id:N}; alternatives are sorted most likely first
 * and cut to {@link SamplingParams#topLogprobs()} (vLLM adds the sampled token when it is not among them).
 */
public final class ResponseDecoder {

    /** A token id with its log-probability, before its text is known. */
    private record IdLogprob(int id, double logprob) {}

    /** One choice in a layout-neutral form; a JSON null {@code stop_reason} is {@code null}. */
    private record Choice(
            int index, String text, String finishReason, JsonNode stopReason, List<Integer> tokenIds,
            List<IdLogprob> logprobs, List<List<IdLogprob>> top) {
        Choice {
            stopReason = stopReason == null || stopReason.isNull() ? null : stopReason;
        }
    }

    private final TokenTexts texts;

    public ResponseDecoder(TokenTexts texts) {
        this.texts = texts;
    }

    public GenerationResult completion(Wire.CompletionResponse response, SamplingParams params) {
        List<Wire.CompletionChoice> wire = require(response.choices(), "choices");
        List<Choice> choices = new ArrayList<>(wire.size());
        List<Integer> promptIds = List.of();
        for (Wire.CompletionChoice c : wire) {
            List<IdLogprob> logprobs = null;
            List<List<IdLogprob>> top = null;
            if (params.logprobs()) {
                Wire.CompletionLogprobs lp = require(c.logprobs(), "choices[" + c.index() + "].logprobs");
                List<String> tokens = require(lp.tokens(), "logprobs.tokens");
                List<Double> values = require(lp.tokenLogprobs(), "logprobs.token_logprobs");
                logprobs = new ArrayList<>(tokens.size());
                top = new ArrayList<>(tokens.size());
                for (int i = 0; i < tokens.size(); i++) {
                    logprobs.add(new IdLogprob(tokenId(tokens.get(i)), require(values.get(i), "token_logprobs[" + i + "]")));
                    Map<String, Double> alternatives = lp.topLogprobs() == null ? null : lp.topLogprobs().get(i);
                    top.add(alternatives == null ? List.of() : alternatives.entrySet().stream()
                            .map(e -> new IdLogprob(tokenId(e.getKey()), e.getValue()))
                            .toList());
                }
            }
            if (c.promptTokenIds() != null) {
                promptIds = c.promptTokenIds();
            }
            choices.add(new Choice(c.index(), require(c.text(), "text"), c.finishReason(), c.stopReason(),
                    c.tokenIds(), logprobs, top));
        }
        return result(choices, promptIds, require(response.usage(), "usage"), params);
    }

    public GenerationResult chat(Wire.ChatCompletionResponse response, SamplingParams params) {
        List<Wire.ChatChoice> wire = require(response.choices(), "choices");
        List<Choice> choices = new ArrayList<>(wire.size());
        for (Wire.ChatChoice c : wire) {
            List<IdLogprob> logprobs = null;
            List<List<IdLogprob>> top = null;
            if (params.logprobs()) {
                Wire.ChatLogprobs lp = require(c.logprobs(), "choices[" + c.index() + "].logprobs");
                List<Wire.ChatTokenLogprob> content = require(lp.content(), "logprobs.content");
                logprobs = new ArrayList<>(content.size());
                top = new ArrayList<>(content.size());
                for (Wire.ChatTokenLogprob t : content) {
                    logprobs.add(new IdLogprob(tokenId(t.token()), t.logprob()));
                    top.add(t.topLogprobs() == null ? List.of() : t.topLogprobs().stream()
                            .map(a -> new IdLogprob(tokenId(a.token()), a.logprob()))
                            .toList());
                }
            }
            Wire.Message message = require(c.message(), "message");
            String text = message.content() == null || message.content().isNull() ? "" : message.content().asText();
            choices.add(new Choice(c.index(), text, c.finishReason(), c.stopReason(), c.tokenIds(), logprobs, top));
        }
        List<Integer> promptIds = response.promptTokenIds() == null ? List.of() : response.promptTokenIds();
        return result(choices, promptIds, require(response.usage(), "usage"), params);
    }

    private GenerationResult result(List<Choice> choices, List<Integer> promptIds, Wire.UsageInfo usage, SamplingParams params) {
        if (choices.size() != params.n()) {
            throw new IllegalStateException("expected " + params.n() + " choices, got " + choices.size());
        }
        List<Choice> ordered = choices.stream().sorted(Comparator.comparingInt(Choice::index)).toList();
        Set<Integer> needed = new HashSet<>();
        for (Choice c : ordered) {
            List<Integer> ids = tokenIds(c);
            if (params.logprobs()) {
                needed.addAll(ids);
                c.top.forEach(position -> position.forEach(t -> needed.add(t.id)));
            }
            if (c.stopReason != null && c.stopReason.isInt()) {
                needed.add(c.stopReason.asInt());
            } else if (c.stopReason == null && !ids.isEmpty() && "stop".equals(c.finishReason)) {
                needed.add(ids.get(ids.size() - 1));
            }
        }
        texts.load(needed);
        List<Completion> completions = new ArrayList<>(ordered.size());
        for (int i = 0; i < ordered.size(); i++) {
            completions.add(completion(i, ordered.get(i), params));
        }
        int cached = usage.promptTokensDetails() == null || usage.promptTokensDetails().cachedTokens() == null
                ? 0 : usage.promptTokensDetails().cachedTokens();
        int completionTokens = usage.completionTokens() == null
                ? usage.totalTokens() - usage.promptTokens() : usage.completionTokens();
        return new GenerationResult(promptIds, completions,
                new Usage(usage.promptTokens(), Math.min(cached, usage.promptTokens()), completionTokens));
    }

    private Completion completion(int index, Choice c, SamplingParams params) {
        List<Integer> ids = tokenIds(c);
        List<TokenLogprob> logprobs = List.of();
        List<List<TokenLogprob>> top = List.of();
        if (params.logprobs()) {
            logprobs = c.logprobs.stream().map(this::withText).toList();
            if (params.topLogprobs() > 0) {
                top = c.top.stream()
                        .map(position -> position.stream()
                                .sorted(Comparator.comparingDouble(IdLogprob::logprob).reversed())
                                .limit(params.topLogprobs())
                                .map(this::withText)
                                .toList())
                        .toList();
            }
        }
        FinishReason finish = finishReason(c.finishReason);
        return new Completion(index, ids, c.text, logprobs, top, finish, matchedStop(c, ids, finish));
    }

    private TokenLogprob withText(IdLogprob t) {
        // vLLM writes -9999.0 for -inf; anything above 0 is rounding noise of a certain token
        return new TokenLogprob(t.id, texts.text(t.id), Math.min(t.logprob, 0));
    }

    private static List<Integer> tokenIds(Choice c) {
        if (c.tokenIds != null) {
            return c.tokenIds;
        }
        return c.logprobs == null ? List.of() : c.logprobs.stream().map(IdLogprob::id).toList();
    }

    private String matchedStop(Choice c, List<Integer> ids, FinishReason finish) {
        if (finish != FinishReason.STOP) {
            return null;
        }
        if (c.stopReason != null && c.stopReason.isTextual()) {
            return c.stopReason.asText();
        }
        if (c.stopReason != null && c.stopReason.isInt()) {
            return texts.text(c.stopReason.asInt());
        }
        return ids.isEmpty() ? null : texts.text(ids.get(ids.size() - 1));
    }

    static FinishReason finishReason(String apiName) {
        if (FinishReason.LENGTH.apiName().equals(apiName)) {
            return FinishReason.LENGTH;
        }
        if (FinishReason.STOP.apiName().equals(apiName)) {
            return FinishReason.STOP;
        }
        throw new IllegalStateException("finish_reason '" + apiName + "' is neither 'stop' nor 'length'");
    }

    /** {@code token_id:N} as written with {@code return_tokens_as_token_ids}. */
    static int tokenId(String token) {
        if (token == null || !token.startsWith(Wire.TOKEN_ID_PREFIX)) {
            throw new IllegalStateException("token '" + token + "' is not of the form token_id:N; the server ignored"
                    + " return_tokens_as_token_ids (vLLM >= 0.6 and reason4j serve support it)");
        }
        try {
            return Integer.parseInt(token.substring(Wire.TOKEN_ID_PREFIX.length()));
        } catch (NumberFormatException e) {
            throw new IllegalStateException("token '" + token + "' has no integer id", e);
        }
    }

    private static <T> T require(T value, String field) {
        if (value == null) {
            throw new IllegalStateException("missing field " + field);
        }
        return value;
    }
}
