package dev.reason4j.app.analyze;

import dev.reason4j.core.dataset.Container;
import dev.reason4j.core.dataset.DatasetException;
import dev.reason4j.core.dataset.JsonRecord;
import dev.reason4j.core.dataset.JsonRecordReader;
import dev.reason4j.core.metrics.AnalyzedResponse;
import dev.reason4j.core.metrics.InputIssue;
import dev.reason4j.core.metrics.IssueKind;
import dev.reason4j.core.metrics.ResponseAnalyzer;
import dev.reason4j.core.metrics.ResponseInput;
import dev.reason4j.core.metrics.io.BadRecordException;
import dev.reason4j.core.metrics.io.ParsedRecord;
import dev.reason4j.core.metrics.io.ResponseFields;
import dev.reason4j.core.metrics.io.ResponseRecordParser;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.LongPredicate;

/**
 * Reads a response file (JSONL, or a JSON array when the name ends in {@code .json}) record by record and analyses
 * every response, turning whatever cannot be analysed into a counted {@link InputIssue} instead of an error: a line
 * that is not JSON, a record that is not an object or lacks a field, an empty response, even an analysis that
 * fails. Only a file that cannot be opened stops it with an exception; a JSON array that breaks off ends the
 * reading with one issue at the break.
 *
 * <p>Records are read in order on the calling thread and analysed on {@code threads} workers, a bounded window
 * ahead; results reach the sink in input order, on the calling thread.
 */
final class ResponseFileAnalyzer {

    /** Records read ahead per worker, so workers never wait for the reader and memory stays bounded. */
    private static final int WINDOW_PER_THREAD = 16;

    private final Path file;
    private final ResponseRecordParser parser;
    private final ResponseAnalyzer analyzer;
    private final int threads;

    /**
     * @param threads workers analysing records, at least 1
     */
    ResponseFileAnalyzer(Path file, ResponseFields fields, ResponseAnalyzer analyzer, int threads) {
        this.file = Objects.requireNonNull(file, "file");
        this.parser = new ResponseRecordParser(file, fields);
        this.analyzer = Objects.requireNonNull(analyzer, "analyzer");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        this.threads = threads;
    }

    /**
     * What one record gave.
     *
     * @param line the record's line (JSONL) or item (JSON array)
     * @param responses its analysed responses
     * @param issues its records and samples that could not be analysed
     */
    record RecordResult(long line, List<AnalyzedResponse> responses, List<InputIssue> issues) {
        RecordResult {
            responses = List.copyOf(responses);
            issues = List.copyOf(issues);
        }
    }

    /** The layout of {@code file}: a JSON array when its name ends in {@code .json}, else JSONL. */
    static Container containerOf(Path file) {
        return file.getFileName().toString().endsWith(".json") ? Container.JSON_ARRAY : Container.JSONL;
    }

    /**
     * Analyses the file in order, handing each record's result to {@code sink}.
     *
     * @param done records (by line) already analysed by an earlier run, skipped without analysis
     * @throws DatasetException when the file cannot be opened
     */
    void analyze(LongPredicate done, Consumer<RecordResult> sink) {
        Deque<Future<RecordResult>> inFlight = new ArrayDeque<>();
        int window = threads * WINDOW_PER_THREAD;
        try (ExecutorService workers = Executors.newFixedThreadPool(threads);
                JsonRecordReader reader = JsonRecordReader.open(file, containerOf(file))) {
            while (true) {
                JsonRecord record;
                try {
                    record = reader.next();
                } catch (DatasetException bad) {
                    if (!done.test(bad.line())) {
                        inFlight.add(CompletableFuture.completedFuture(new RecordResult(bad.line(), List.of(),
                                List.of(new InputIssue(IssueKind.MALFORMED_JSON, bad.line(), -1, bad.getMessage())))));
                    }
                    if (bad.skippable()) {
                        continue;
                    }
                    break;
                }
                if (record == null) {
                    break;
                }
                if (!done.test(record.position())) {
                    inFlight.add(workers.submit(() -> analyze(record)));
                }
                while (inFlight.size() > window) {
                    sink.accept(next(inFlight));
                }
            }
            while (!inFlight.isEmpty()) {
                sink.accept(next(inFlight));
            }
        }
    }

    private static RecordResult next(Deque<Future<RecordResult>> inFlight) {
        try {
            return inFlight.poll().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while analysing", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("analysis failed: " + e.getCause(), e.getCause());
        }
    }

    /** The result of one record. */
    RecordResult analyze(JsonRecord record) {
        ParsedRecord parsed;
        try {
            parsed = parser.parse(record);
        } catch (BadRecordException bad) {
            return new RecordResult(bad.line(), List.of(),
                    List.of(new InputIssue(bad.kind(), bad.line(), -1, bad.getMessage())));
        }
        List<AnalyzedResponse> responses = new ArrayList<>(parsed.samples().size());
        List<InputIssue> issues = new ArrayList<>();
        for (ParsedRecord.Sample sample : parsed.samples()) {
            switch (sample) {
                case ParsedRecord.Empty empty -> issues.add(
                        new InputIssue(IssueKind.EMPTY_RESPONSE, parsed.line(), empty.index(), empty.message()));
                case ParsedRecord.Usable usable -> {
                    try {
                        responses.add(analyze(parsed, usable));
                    } catch (RuntimeException failed) { // one odd response must not stop a run of thousands
                        issues.add(new InputIssue(IssueKind.ANALYSIS_FAILED, parsed.line(), usable.index(),
                                file + " " + record.location() + " sample " + usable.index() + ": analysis failed: "
                                        + failed));
                    }
                }
            }
        }
        return new RecordResult(parsed.line(), responses, issues);
    }

    private AnalyzedResponse analyze(ParsedRecord parsed, ParsedRecord.Usable usable) {
        ResponseInput input = usable.input();
        return new AnalyzedResponse(parsed.line(), usable.index(), parsed.problemKey(), input.problem(), input.gold(),
                input.response(), analyzer.analyze(input));
    }
}
