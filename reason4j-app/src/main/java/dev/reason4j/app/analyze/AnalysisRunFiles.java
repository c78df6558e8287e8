package dev.reason4j.app.analyze;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reason4j.core.metrics.AnalysisAggregator;
import dev.reason4j.core.metrics.AnalyzedResponse;
import dev.reason4j.core.metrics.InputIssue;
import dev.reason4j.core.metrics.io.ResponseAnalysisJson;
import dev.reason4j.core.metrics.io.ResponseRecordParser;
import dev.reason4j.core.provenance.RunManifest;
import dev.reason4j.core.store.RunRecord;
import dev.reason4j.core.store.RunStore;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The run directory of an analysis and its incremental outputs.
 *
 * <p>Each input record's results are committed to the run store ({@code run.db}) in one transaction, then appended
 * to {@code responses.jsonl} (one line per analysed response) and {@code issues.jsonl} (one line per record or
 * response that could not be analysed), so both files grow while the run goes and can be followed with
 * {@code tail -f}. The store is the truth: when a run resumes, both files are first rewritten from it (dropping
 * a line a killed run may have left half-written) and the stored results are folded into the summary.
 */
final class AnalysisRunFiles implements AutoCloseable {

    static final String RESPONSES = "responses.jsonl";
    static final String ISSUES = "issues.jsonl";

    private final RunStore store;
    private final ObjectMapper mapper;
    private final ResponseAnalysisJson json;
    private final Set<Long> completedLines = new HashSet<>();
    private final BufferedWriter responses;
    private final BufferedWriter issues;

    private AnalysisRunFiles(RunStore store, ObjectMapper mapper, AnalysisAggregator aggregator) throws IOException {
        this.store = store;
        this.mapper = mapper;
        this.json = new ResponseAnalysisJson(mapper);
        Path dir = store.dir();
        try (BufferedWriter r = Files.newBufferedWriter(dir.resolve(RESPONSES), StandardCharsets.UTF_8);
                BufferedWriter i = Files.newBufferedWriter(dir.resolve(ISSUES), StandardCharsets.UTF_8);
                Stream<RunRecord> earlier = store.records()) {
            for (RunRecord record : (Iterable<RunRecord>) earlier::iterator) {
                completedLines.add(lineOf(record.key()));
                JsonNode node = mapper.readTree(record.payload());
                if (ResponseAnalysisJson.isIssue(node)) {
                    aggregator.add(ResponseAnalysisJson.readIssue(node));
                    writeLine(i, record.payload());
                } else {
                    aggregator.add(ResponseAnalysisJson.readResponse(node));
                    writeLine(r, record.payload());
                }
            }
        }
        this.responses = append(dir.resolve(RESPONSES));
        this.issues = append(dir.resolve(ISSUES));
    }

    /**
     * Creates the run directory for {@code job}, or reopens it when it holds the same job, folding the results
     * stored by earlier runs into {@code aggregator}.
     *
     * @throws dev.reason4j.core.store.RunMismatchException when the directory holds a different job
     */
    static AnalysisRunFiles open(Path dir, RunManifest job, ObjectMapper mapper, AnalysisAggregator aggregator)
            throws IOException {
        RunStore store = RunStore.open(dir, job);
        try {
            return new AnalysisRunFiles(store, mapper, aggregator);
        } catch (IOException | RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /** Input records (by line) whose results are stored. */
    Set<Long> completedLines() {
        return completedLines;
    }

    /** The run's manifest: the stored one when resumed. */
    RunManifest manifest() {
        return store.manifest();
    }

    /** Whether earlier runs had stored results. */
    boolean resumed() {
        return !completedLines.isEmpty();
    }

    Path dir() {
        return store.dir();
    }

    /** Stores one record's results in one transaction, then appends them to the JSONL files. */
    void commit(ResponseFileAnalyzer.RecordResult result) {
        try {
            String[] responseLines = new String[result.responses().size()];
            String[] issueLines = new String[result.issues().size()];
            for (int k = 0; k < responseLines.length; k++) {
                responseLines[k] = mapper.writeValueAsString(json.write(result.responses().get(k)));
            }
            for (int k = 0; k < issueLines.length; k++) {
                issueLines[k] = mapper.writeValueAsString(json.write(result.issues().get(k)));
            }
            store.inTransaction(tx -> {
                for (int k = 0; k < responseLines.length; k++) {
                    AnalyzedResponse r = result.responses().get(k);
                    tx.put(key(r.line(), r.sample()), seq(r.line(), r.sample()), responseLines[k]);
                }
                for (int k = 0; k < issueLines.length; k++) {
                    InputIssue issue = result.issues().get(k);
                    tx.put(key(issue.line(), issue.sample()), seq(issue.line(), issue.sample()), issueLines[k]);
                }
                return null;
            });
            for (String line : responseLines) {
                writeLine(responses, line);
            }
            for (String line : issueLines) {
                writeLine(issues, line);
            }
            responses.flush();
            issues.flush();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write analysis JSON: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + dir().resolve(RESPONSES) + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws IOException {
        try (store; responses; issues) {
            // closes the files, then the store
        }
    }

    /** One key per sample ({@code 17/2}), or per record ({@code 17/-1}) for an issue of the whole record. */
    private static String key(long line, int sample) {
        return line + "/" + sample;
    }

    private static long lineOf(String key) {
        return Long.parseLong(key.substring(0, key.indexOf('/')));
    }

    /** Input order: by line, then sample, a whole-record issue first. */
    private static long seq(long line, int sample) {
        return line * (ResponseRecordParser.MAX_SAMPLES + 1L) + sample + 1;
    }

    private static void writeLine(BufferedWriter w, String line) throws IOException {
        w.write(line);
        w.write('\n');
    }

    private static BufferedWriter append(Path file) throws IOException {
        return Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }
}
