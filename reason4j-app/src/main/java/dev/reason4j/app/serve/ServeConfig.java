package dev.reason4j.app.serve;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Objects;

/**
 * How {@code reason4j serve} listens and what it accepts.
 *
 * <p>Safe by default: it listens on 127.0.0.1 and refuses any other address unless an API key is set.
 *
 * @param host address to bind; a non-loopback address needs {@code apiKey}
 * @param port TCP port, 0 for any free port
 * @param servedModelName the id clients send as {@code model}; {@code null} for the model's own id
 * @param apiKey the key clients must send as {@code Authorization: Bearer}, or {@code null} for none (loopback only)
 * @param maxBodyBytes largest request body; larger ones get 413
 * @param maxPromptTokens longest prompt in tokens; longer ones get 400 (the model's context length caps it too)
 * @param maxN most completions per prompt ({@code n})
 * @param maxTokens largest {@code max_tokens}
 * @param maxPromptsPerRequest most prompts in one completions request (a list prompt)
 * @param maxQueuedRequests requests waiting for the model before new ones get 503
 * @param batchWindow how long the batcher waits for more requests to join a batch
 * @param maxBatchPrompts most prompts in one model call
 * @param drainTimeout how long shutdown waits for requests in flight
 */
public record ServeConfig(
        String host,
        int port,
        String servedModelName,
        String apiKey,
        long maxBodyBytes,
        int maxPromptTokens,
        int maxN,
        int maxTokens,
        int maxPromptsPerRequest,
        int maxQueuedRequests,
        Duration batchWindow,
        int maxBatchPrompts,
        Duration drainTimeout) {

    public ServeConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(batchWindow, "batchWindow");
        Objects.requireNonNull(drainTimeout, "drainTimeout");
        if (host.isBlank()) {
            throw new IllegalArgumentException("host must not be blank");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be in [0, 65535], was " + port);
        }
        if (apiKey != null && apiKey.isBlank()) {
            throw new IllegalArgumentException("apiKey must not be blank (leave it unset for no key)");
        }
        if (servedModelName != null && servedModelName.isBlank()) {
            throw new IllegalArgumentException("servedModelName must not be blank");
        }
        positive(maxBodyBytes, "maxBodyBytes");
        positive(maxPromptTokens, "maxPromptTokens");
        positive(maxN, "maxN");
        positive(maxTokens, "maxTokens");
        positive(maxPromptsPerRequest, "maxPromptsPerRequest");
        positive(maxQueuedRequests, "maxQueuedRequests");
        positive(maxBatchPrompts, "maxBatchPrompts");
        if (batchWindow.isNegative()) {
            throw new IllegalArgumentException("batchWindow must be >= 0, was " + batchWindow);
        }
        if (drainTimeout.isNegative()) {
            throw new IllegalArgumentException("drainTimeout must be >= 0, was " + drainTimeout);
        }
        if (apiKey == null && !isLoopback(host)) {
            throw new IllegalArgumentException("refusing to listen on " + host + " without an API key: set --api-key"
                    + " or REASON4J_API_KEY, or listen on 127.0.0.1");
        }
    }

    /** 127.0.0.1, port 8000, no key, 4 MiB bodies, 32k-token prompts, n ≤ 16, max_tokens ≤ 4096. */
    public static ServeConfig defaults() {
        return new ServeConfig("127.0.0.1", 8000, null, null, 4 << 20, 32768, 16, 4096, 64, 256,
                Duration.ofMillis(5), 64, Duration.ofSeconds(30));
    }

    public ServeConfig withHost(String host) {
        return new ServeConfig(host, port, servedModelName, apiKey, maxBodyBytes, maxPromptTokens, maxN, maxTokens,
                maxPromptsPerRequest, maxQueuedRequests, batchWindow, maxBatchPrompts, drainTimeout);
    }

    public ServeConfig withPort(int port) {
        return new ServeConfig(host, port, servedModelName, apiKey, maxBodyBytes, maxPromptTokens, maxN, maxTokens,
                maxPromptsPerRequest, maxQueuedRequests, batchWindow, maxBatchPrompts, drainTimeout);
    }

    public ServeConfig withApiKey(String apiKey) {
        return new ServeConfig(host, port, servedModelName, apiKey, maxBodyBytes, maxPromptTokens, maxN, maxTokens,
                maxPromptsPerRequest, maxQueuedRequests, batchWindow, maxBatchPrompts, drainTimeout);
    }

    public ServeConfig withLimits(long maxBodyBytes, int maxPromptTokens, int maxN, int maxTokens) {
        return new ServeConfig(host, port, servedModelName, apiKey, maxBodyBytes, maxPromptTokens, maxN, maxTokens,
                maxPromptsPerRequest, maxQueuedRequests, batchWindow, maxBatchPrompts, drainTimeout);
    }

    public ServeConfig withBatching(int maxQueuedRequests, Duration batchWindow, int maxBatchPrompts) {
        return new ServeConfig(host, port, servedModelName, apiKey, maxBodyBytes, maxPromptTokens, maxN, maxTokens,
                maxPromptsPerRequest, maxQueuedRequests, batchWindow, maxBatchPrompts, drainTimeout);
    }

    public ServeConfig withDrainTimeout(Duration drainTimeout) {
        return new ServeConfig(host, port, servedModelName, apiKey, maxBodyBytes, maxPromptTokens, maxN, maxTokens,
                maxPromptsPerRequest, maxQueuedRequests, batchWindow, maxBatchPrompts, drainTimeout);
    }

    private static void positive(long value, String field) {
        if (value < 1) {
            throw new IllegalArgumentException(field + " must be >= 1, was " + value);
        }
    }

    /** Whether every address {@code host} resolves to is a loopback address. */
    static boolean isLoopback(String host) {
        try {
            InetAddress[] addresses = InetAddress.getAllByName(host);
            for (InetAddress address : addresses) {
                if (!address.isLoopbackAddress()) {
                    return false;
                }
            }
            return addresses.length > 0;
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("host " + host + " cannot be resolved", e);
        }
    }
}
