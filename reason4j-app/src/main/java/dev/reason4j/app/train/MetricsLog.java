package dev.reason4j.app.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reason4j.core.store.RunStore;
import dev.reason4j.lm.train.StepMetrics;
import dev.reason4j.lm.train.TrainingListener;
import dev.reason4j.lm.train.TrainingPlan;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.TreeMap;

/**
 * Records every optimizer step as one JSON line in {@code metrics.jsonl}, for plotting:
 * {@code {"step", "loss", "lr", "grad_norm", "tokens", "step_tokens", "tokens_per_s", "eval_loss", "epoch", ...}}
 * where {@code tokens} counts from the start of the run, {@code eval_loss} is null on steps without an evaluation,
 * and objective-specific numbers (a preference loss's {@code accuracy} and {@code margin}) follow.
 *
 * <p>Each row is committed to the run store first, keyed by step. A resumed run redoes the steps after its last
 * checkpoint; the store keeps the first row of a step, so {@code metrics.jsonl}, which is rewritten from the store
 * when a run resumes and when it ends, never holds a step twice.
 */
final class MetricsLog implements TrainingListener, AutoCloseable {

    static final String FILE = "metrics.jsonl";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RunStore store;
    private final Path file;
    private BufferedWriter out;

    MetricsLog(RunStore store) {
        this.store = store;
        this.file = store.dir().resolve(FILE);
    }

    @Override
    public void onStart(TrainingPlan plan) {
        store.exportJsonl(file);
        try {
            out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void onStep(StepMetrics metrics) {
        String row = row(metrics).toString();
        if (!store.put(Long.toString(metrics.step()), metrics.step(), row)) {
            return; // a step redone after a resume: its first record stays
        }
        try {
            out.write(row);
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    static ObjectNode row(StepMetrics m) {
        ObjectNode row = JSON.createObjectNode()
                .put("step", m.step())
                .put("loss", m.loss())
                .put("lr", m.learningRate())
                .put("grad_norm", m.gradNorm())
                .put("tokens", m.totalTokens())
                .put("step_tokens", m.tokens())
                .put("tokens_per_s", m.tokensPerSecond());
        if (m.evalLoss().isPresent()) {
            row.put("eval_loss", m.evalLoss().getAsDouble());
        } else {
            row.putNull("eval_loss");
        }
        row.put("epoch", m.epoch());
        for (Map.Entry<String, Double> extra : new TreeMap<>(m.extras()).entrySet()) {
            row.put(extra.getKey(), extra.getValue());
        }
        return row;
    }

    /** Closes the appender and rewrites the file from the store, so it ends complete and in step order. */
    @Override
    public void close() {
        try {
            if (out != null) {
                out.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + file + ": " + e.getMessage(), e);
        }
        store.exportJsonl(file);
    }
}
