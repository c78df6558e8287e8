package dev.reason4j.app.serve;

import dev.reason4j.lm.ContinuationScore;
import dev.reason4j.lm.GenerationResult;
import dev.reason4j.lm.LanguageModel;
import dev.reason4j.lm.Prompt;
import dev.reason4j.lm.SamplingParams;
import dev.reason4j.lm.ScoreRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Feeds the model from one worker thread and merges requests that arrive together into one model call.
 *
 * <p>The worker takes the oldest waiting request, waits up to {@code window} for more, then runs: greedy
 * generation requests with equal parameters as one batch (their seeds do not matter), all scoring requests as one
 * batch, and each sampled request on its own. Sampled requests are not merged because the SPI splits each
 * completion's random stream by the prompt's position in the batch, so merging would make a request's samples
 * depend on what else arrived. When a merged call fails, its requests are retried one by one so that one bad
 * request does not fail the others.
 *
 * <p>At most {@code maxQueued} requests wait; beyond that {@link #submitGenerate} and {@link #submitScore} refuse with
 * 503, which tells clients to back off or use another server.
 */
final class RequestBatcher implements AutoCloseable {

    private sealed interface Job permits GenerateJob, ScoreJob {
        int size();
    }

    private record GenerateJob(List<Prompt> prompts, SamplingParams params, CompletableFuture<List<GenerationResult>> result)
            implements Job {
        public int size() {
            return prompts.size();
        }
    }

    private record ScoreJob(List<ScoreRequest> requests, CompletableFuture<List<ContinuationScore>> result) implements Job {
        public int size() {
            return requests.size();
        }
    }

    private static final Job STOP = new ScoreJob(List.of(), new CompletableFuture<>());

    private final LanguageModel model;
    private final int maxQueued;
    private final Duration window;
    private final int maxBatchPrompts;
    private final ServerMetrics metrics;
    private final LinkedBlockingQueue<Job> queue = new LinkedBlockingQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final Thread worker;
    private volatile boolean closed;
    private Job carried;

    RequestBatcher(LanguageModel model, int maxQueued, Duration window, int maxBatchPrompts, ServerMetrics metrics) {
        this.model = model;
        this.maxQueued = maxQueued;
        this.window = window;
        this.maxBatchPrompts = maxBatchPrompts;
        this.metrics = metrics;
        this.worker = Thread.ofPlatform().name("reason4j-serve-batcher").daemon(true).start(this::run);
    }

    CompletableFuture<List<GenerationResult>> submitGenerate(List<Prompt> prompts, SamplingParams params) {
        GenerateJob job = new GenerateJob(prompts, params, new CompletableFuture<>());
        enqueue(job);
        return job.result;
    }

    CompletableFuture<List<ContinuationScore>> submitScore(List<ScoreRequest> requests) {
        ScoreJob job = new ScoreJob(requests, new CompletableFuture<>());
        enqueue(job);
        return job.result;
    }

    /** Requests waiting for the model. */
    int queued() {
        return queued.get();
    }

    private void enqueue(Job job) {
        if (closed) {
            throw ApiError.unavailable("The server is shutting down.");
        }
        if (queued.incrementAndGet() > maxQueued) {
            queued.decrementAndGet();
            throw ApiError.unavailable("The server is overloaded (" + maxQueued + " requests waiting); retry later.");
        }
        queue.add(job);
    }

    private void run() {
        try {
            while (true) {
                List<Job> batch = collect();
                if (batch == null) {
                    return;
                }
                queued.addAndGet(-batch.size());
                execute(batch);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The next jobs to run: the oldest and whatever joins it within the window; {@code null} once stopped. */
    private List<Job> collect() throws InterruptedException {
        Job first = carried != null ? carried : queue.take();
        carried = null;
        if (first == STOP) {
            return null;
        }
        List<Job> batch = new ArrayList<>();
        batch.add(first);
        int prompts = first.size();
        long deadline = System.nanoTime() + window.toNanos();
        while (prompts < maxBatchPrompts) {
            long left = deadline - System.nanoTime();
            Job next = left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : queue.poll();
            if (next == null) {
                break;
            }
            if (next == STOP || prompts + next.size() > maxBatchPrompts) {
                carried = next;
                break;
            }
            batch.add(next);
            prompts += next.size();
        }
        return batch;
    }

    private void execute(List<Job> batch) {
        Map<SamplingParams, List<GenerateJob>> greedy = new LinkedHashMap<>();
        List<ScoreJob> scores = new ArrayList<>();
        for (Job job : batch) {
            switch (job) {
                case GenerateJob g when g.params.isGreedy() ->
                        greedy.computeIfAbsent(g.params.toBuilder().seed(0).build(), k -> new ArrayList<>()).add(g);
                case GenerateJob g -> runGenerate(List.of(g));
                case ScoreJob s -> scores.add(s);
            }
        }
        greedy.values().forEach(this::runGenerate);
        if (!scores.isEmpty()) {
            runMerged(scores, ScoreJob::requests, model::score, ScoreJob::result);
        }
    }

    private void runGenerate(List<GenerateJob> jobs) {
        SamplingParams params = jobs.get(0).params;
        runMerged(jobs, GenerateJob::prompts, prompts -> model.generate(prompts, params), GenerateJob::result);
    }

    /** One model call for all {@code jobs}; on failure each job alone, so only the faulty one fails. */
    private <J, I, O> void runMerged(List<J> jobs, Function<J, List<I>> inputs, Function<List<I>, List<O>> call,
            Function<J, CompletableFuture<List<O>>> result) {
        List<I> all = new ArrayList<>();
        jobs.forEach(job -> all.addAll(inputs.apply(job)));
        List<O> outputs;
        try {
            outputs = call.apply(all);
            metrics.modelCall(all.size());
        } catch (RuntimeException e) {
            if (jobs.size() == 1) {
                result.apply(jobs.get(0)).completeExceptionally(e);
            } else {
                jobs.forEach(job -> runMerged(List.of(job), inputs, call, result));
            }
            return;
        }
        int offset = 0;
        for (J job : jobs) {
            int size = inputs.apply(job).size();
            result.apply(job).complete(List.copyOf(outputs.subList(offset, offset + size)));
            offset += size;
        }
    }

    /** Refuses new requests, finishes the queued ones and stops the worker. */
    @Override
    public void close() {
        closed = true;
        queue.add(STOP);
        try {
            worker.join(Duration.ofMinutes(1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // a request that slipped in while closing must not wait forever
        for (Job job = queue.poll(); job != null; job = queue.poll()) {
            ApiError gone = ApiError.unavailable("The server is shutting down.");
            switch (job) {
                case GenerateJob g -> g.result.completeExceptionally(gone);
                case ScoreJob s -> s.result.completeExceptionally(gone);
            }
        }
    }
}
