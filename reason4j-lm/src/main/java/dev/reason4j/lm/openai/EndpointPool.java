package dev.reason4j.lm.openai;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Several base URLs of servers that serve the same model. Each request goes to the healthy endpoint with the fewest
 * requests in flight (ties rotate). An endpoint whose request failed in a retriable way (connection lost, 5xx, 429,
 * timeout) is skipped for a cooldown that doubles with each consecutive failure up to a maximum; after it, the
 * endpoint is tried again and one success makes it healthy. When every endpoint is cooling down, the one whose
 * cooldown ends first is tried anyway, so a pool never refuses outright.
 *
 * <p>Thread-safe. One pool may be shared by several clients so that they see each other's load.
 */
public final class EndpointPool {

    /** A base URL such as {@code http://127.0.0.1:8000/v1}, with its load and health. */
    public static final class Endpoint {
        private final URI baseUrl;
        private int inFlight;
        private int consecutiveFailures;
        private long coolUntilNanos;
        private long requests;
        private long failures;

        private Endpoint(URI baseUrl) {
            this.baseUrl = baseUrl;
        }

        public URI baseUrl() {
            return baseUrl;
        }

        /** {@code baseUrl} with {@code path} (no leading slash) appended. */
        public URI resolve(String path) {
            return URI.create(baseUrl + "/" + path);
        }

        /**
         * The server's root, for endpoints vLLM mounts outside {@code /v1} ({@code /tokenize}, {@code /health}):
         * {@code baseUrl} without a trailing {@code /v1}.
         */
        public URI resolveAtRoot(String path) {
            String base = baseUrl.toString();
            String root = base.endsWith("/v1") ? base.substring(0, base.length() - 3) : base;
            return URI.create(root + "/" + path);
        }

        @Override
        public String toString() {
            return baseUrl.toString();
        }
    }

    /**
     * One endpoint's state at one moment.
     *
     * @param baseUrl the endpoint
     * @param inFlight requests now running on it
     * @param healthy false while it cools down after failures
     * @param consecutiveFailures failures since its last success
     * @param requests requests it has been given
     * @param failures requests that failed in a retriable way
     */
    public record EndpointStatus(
            URI baseUrl, int inFlight, boolean healthy, int consecutiveFailures, long requests, long failures) {}

    private final List<Endpoint> endpoints;
    private final Duration cooldown;
    private final Duration maxCooldown;
    private final LongSupplier nanoTime;
    private int rotation;

    /**
     * @param baseUrls distinct {@code http} or {@code https} URLs, e.g. {@code http://10.0.0.5:8000/v1}
     * @param cooldown how long an endpoint is skipped after its first failure
     * @param maxCooldown the longest it is skipped after repeated failures
     */
    public EndpointPool(List<URI> baseUrls, Duration cooldown, Duration maxCooldown) {
        this(baseUrls, cooldown, maxCooldown, System::nanoTime);
    }

    EndpointPool(List<URI> baseUrls, Duration cooldown, Duration maxCooldown, LongSupplier nanoTime) {
        Objects.requireNonNull(baseUrls, "baseUrls");
        Objects.requireNonNull(cooldown, "cooldown");
        Objects.requireNonNull(maxCooldown, "maxCooldown");
        if (baseUrls.isEmpty()) {
            throw new IllegalArgumentException("baseUrls must name at least one endpoint");
        }
        if (cooldown.isNegative() || maxCooldown.compareTo(cooldown) < 0) {
            throw new IllegalArgumentException(
                    "need 0 <= cooldown <= maxCooldown, got cooldown " + cooldown + ", maxCooldown " + maxCooldown);
        }
        LinkedHashSet<URI> seen = new LinkedHashSet<>();
        for (int i = 0; i < baseUrls.size(); i++) {
            URI url = normalise(Objects.requireNonNull(baseUrls.get(i), "baseUrls[" + i + "]"), i);
            if (!seen.add(url)) {
                throw new IllegalArgumentException("baseUrls[" + i + "] repeats " + url);
            }
        }
        this.endpoints = seen.stream().map(Endpoint::new).toList();
        this.cooldown = cooldown;
        this.maxCooldown = maxCooldown;
        this.nanoTime = nanoTime;
    }

    /** A pool with a 1 s cooldown doubling up to 30 s. */
    public static EndpointPool of(String... baseUrls) {
        List<URI> urls = new ArrayList<>();
        for (int i = 0; i < baseUrls.length; i++) {
            try {
                urls.add(URI.create(Objects.requireNonNull(baseUrls[i], "baseUrls[" + i + "]")));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("baseUrls[" + i + "] is not a URL: " + baseUrls[i], e);
            }
        }
        return new EndpointPool(urls, Duration.ofSeconds(1), Duration.ofSeconds(30));
    }

    private static URI normalise(URI url, int index) {
        String scheme = url.getScheme();
        if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)) {
            throw new IllegalArgumentException("baseUrls[" + index + "] must be an http(s) URL, was " + url);
        }
        if (url.getHost() == null) {
            throw new IllegalArgumentException("baseUrls[" + index + "] has no host: " + url);
        }
        if (url.getQuery() != null || url.getFragment() != null) {
            throw new IllegalArgumentException("baseUrls[" + index + "] must not have a query or fragment: " + url);
        }
        String text = url.toString();
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        return URI.create(text);
    }

    /** Picks an endpoint for one request and counts it in flight; hand it back with {@link #release}. */
    public synchronized Endpoint acquire() {
        long now = nanoTime.getAsLong();
        Endpoint best = null;
        int n = endpoints.size();
        for (int k = 0; k < n; k++) {
            Endpoint candidate = endpoints.get((rotation + k) % n);
            if (candidate.coolUntilNanos - now <= 0 && (best == null || candidate.inFlight < best.inFlight)) {
                best = candidate;
            }
        }
        if (best == null) {
            for (Endpoint candidate : endpoints) {
                if (best == null || candidate.coolUntilNanos - best.coolUntilNanos < 0) {
                    best = candidate;
                }
            }
        }
        rotation = (rotation + 1) % n;
        best.inFlight++;
        best.requests++;
        return best;
    }

    /**
     * Ends a request started with {@link #acquire}.
     *
     * @param failed whether it failed in a way that says the endpoint is unwell (lost connection, 5xx, 429,
     *     timeout); client errors such as 400 do not count
     */
    public synchronized void release(Endpoint endpoint, boolean failed) {
        if (!endpoints.contains(endpoint)) {
            throw new IllegalArgumentException(endpoint + " does not belong to this pool");
        }
        if (endpoint.inFlight <= 0) {
            throw new IllegalStateException(endpoint + " was released more often than acquired");
        }
        endpoint.inFlight--;
        if (failed) {
            endpoint.failures++;
            endpoint.consecutiveFailures++;
            long nanos = cooldown.toNanos() << Math.min(endpoint.consecutiveFailures - 1, 20);
            endpoint.coolUntilNanos = nanoTime.getAsLong() + Math.min(nanos, maxCooldown.toNanos());
        } else {
            endpoint.consecutiveFailures = 0;
            endpoint.coolUntilNanos = nanoTime.getAsLong();
        }
    }

    /** The endpoints in the order given. */
    public List<Endpoint> endpoints() {
        return endpoints;
    }

    /** Every endpoint's load and health now. */
    public synchronized List<EndpointStatus> status() {
        long now = nanoTime.getAsLong();
        return endpoints.stream()
                .map(e -> new EndpointStatus(e.baseUrl, e.inFlight, e.coolUntilNanos - now <= 0,
                        e.consecutiveFailures, e.requests, e.failures))
                .toList();
    }
}
