package dev.reason4j.app.serve;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntSupplier;

/**
 * Counters for {@code GET /metrics} in the Prometheus text format: requests by endpoint and status, requests
 * running and queued, tokens, model calls and how many prompts each call carried (the batching that happened).
 */
final class ServerMetrics {

    private final Map<String, LongAdder> requests = new ConcurrentHashMap<>();
    private final AtomicInteger running = new AtomicInteger();
    private final LongAdder promptTokens = new LongAdder();
    private final LongAdder generationTokens = new LongAdder();
    private final LongAdder modelCalls = new LongAdder();
    private final LongAdder batchedPrompts = new LongAdder();
    private final LongAccumulator largestBatch = new LongAccumulator(Math::max, 0);
    private final LongAdder requestNanos = new LongAdder();
    private final LongAdder requestCount = new LongAdder();
    private volatile IntSupplier queueDepth = () -> 0;

    void queueDepth(IntSupplier queueDepth) {
        this.queueDepth = queueDepth;
    }

    void started() {
        running.incrementAndGet();
    }

    void finished(String endpoint, int status, long nanos) {
        running.decrementAndGet();
        requests.computeIfAbsent(endpoint + "\u0000" + status, k -> new LongAdder()).increment();
        requestNanos.add(nanos);
        requestCount.increment();
    }

    int running() {
        return running.get();
    }

    void tokens(long prompt, long generated) {
        promptTokens.add(prompt);
        generationTokens.add(generated);
    }

    void modelCall(int prompts) {
        modelCalls.increment();
        batchedPrompts.add(prompts);
        largestBatch.accumulate(prompts);
    }

    String prometheus() {
        StringBuilder out = new StringBuilder();
        out.append("# HELP reason4j_requests_total HTTP requests by endpoint and status.\n");
        out.append("# TYPE reason4j_requests_total counter\n");
        new TreeMap<>(requests).forEach((key, count) -> {
            String[] parts = key.split("\u0000");
            out.append("reason4j_requests_total{endpoint=\"").append(parts[0]).append("\",status=\"").append(parts[1])
                    .append("\"} ").append(count.sum()).append('\n');
        });
        gauge(out, "reason4j_requests_running", "Requests being handled now.", running.get());
        gauge(out, "reason4j_requests_queued", "Requests waiting for the model.", queueDepth.getAsInt());
        counter(out, "reason4j_prompt_tokens_total", "Prompt tokens processed.", promptTokens.sum());
        counter(out, "reason4j_generation_tokens_total", "Tokens generated.", generationTokens.sum());
        counter(out, "reason4j_model_calls_total", "Batched calls into the model.", modelCalls.sum());
        counter(out, "reason4j_batched_prompts_total", "Prompts over all model calls (divide by calls: batch size).",
                batchedPrompts.sum());
        gauge(out, "reason4j_largest_batch_prompts", "Most prompts one model call carried.", largestBatch.get());
        out.append("# HELP reason4j_request_duration_seconds Time to answer requests.\n");
        out.append("# TYPE reason4j_request_duration_seconds summary\n");
        out.append(String.format(Locale.ROOT, "reason4j_request_duration_seconds_sum %.6f%n", requestNanos.sum() / 1e9));
        out.append("reason4j_request_duration_seconds_count ").append(requestCount.sum()).append('\n');
        return out.toString();
    }

    private static void gauge(StringBuilder out, String name, String help, long value) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(" gauge\n").append(name).append(' ').append(value).append('\n');
    }

    private static void counter(StringBuilder out, String name, String help, long value) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(" counter\n").append(name).append(' ').append(value).append('\n');
    }
}
