package dev.reason4j.lm.openai.internal;

import dev.reason4j.lm.Tokenizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * The text of single tokens, for {@code TokenLogprob.token} when the server reports tokens as ids
 * ({@code return_tokens_as_token_ids}). Decoded by a local copy of the model's tokenizer when the caller gave one,
 * else asked of the server's {@code /detokenize} once per id and cached: a vocabulary is finite and search reuses
 * the same few thousand tokens.
 */
public final class TokenTexts {

    private final Tokenizer tokenizer;
    private final HttpTransport transport;
    private final String model;
    private final Map<Integer, String> cache = new ConcurrentHashMap<>();

    /** @param tokenizer the model's tokenizer, or {@code null} to ask the server */
    public TokenTexts(Tokenizer tokenizer, HttpTransport transport, String model) {
        this.tokenizer = tokenizer;
        this.transport = transport;
        this.model = model;
    }

    /** Makes {@link #text} immediate for these ids, asking the server for unseen ones concurrently. */
    public void load(Collection<Integer> ids) {
        if (tokenizer != null) {
            return;
        }
        List<Integer> missing = ids.stream().distinct().filter(id -> !cache.containsKey(id)).toList();
        List<Future<?>> pending = new ArrayList<>(missing.size());
        for (int id : missing) {
            pending.add(transport.executor().submit(() -> cache.put(id, fetch(id))));
        }
        for (Future<?> future : pending) {
            try {
                future.get();
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while decoding tokens", e);
            }
        }
    }

    /** The text token {@code id} decodes to on its own. */
    public String text(int id) {
        if (tokenizer != null) {
            return tokenizer.tokenText(id);
        }
        return cache.computeIfAbsent(id, this::fetch);
    }

    private String fetch(int id) {
        Wire.DetokenizeResponse response = transport.post(HttpTransport.Mount.ROOT, "detokenize",
                new Wire.DetokenizeRequest(model, List.of(id)), Wire.DetokenizeResponse.class);
        return response.prompt() == null ? "" : response.prompt();
    }
}
