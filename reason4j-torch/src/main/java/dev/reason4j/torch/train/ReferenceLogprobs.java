package dev.reason4j.torch.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reason4j.torch.CheckpointException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.NoGradGuard;

/**
 * The frozen starting model's statistics of every example (TRL's "precompute_ref_log_probs"): computed once before
 * the first step, so no second copy of the model is held during training, and saved in the output directory so a
 * resumed run (whose model has moved) reuses them.
 */
@SuppressWarnings("try") // a PointerScope frees what its block allocates; the block never names it
final class ReferenceLogprobs {

    static final String FILE = "reference-logprobs.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final double[][] rows;

    private ReferenceLogprobs(double[][] rows) {
        this.rows = rows;
    }

    /** The statistics of example {@code index}. */
    double[] row(int index) {
        return rows[index];
    }

    /** Column {@code column} of the rows of {@code indices}. */
    double[] column(List<Integer> indices, int column) {
        return indices.stream().mapToDouble(i -> rows[i][column]).toArray();
    }

    /** Computes the statistics of {@code count} examples in micro-batches of {@code batch}, without gradients. */
    static ReferenceLogprobs compute(BatchObjective objective, TrainableModel model, int count, int batch) {
        double[][] rows = new double[count][];
        model.training(false);
        try (NoGradGuard noGrad = new NoGradGuard()) {
            for (int start = 0; start < count; start += batch) {
                List<Integer> indices = IntStream.range(start, Math.min(count, start + batch)).boxed().toList();
                try (PointerScope scope = new PointerScope()) {
                    double[][] part = objective.referenceStatistics(model, indices);
                    for (int k = 0; k < indices.size(); k++) {
                        rows[indices.get(k)] = part[k];
                    }
                }
            }
        } finally {
            model.training(true);
        }
        return new ReferenceLogprobs(rows);
    }

    /** Reads the statistics saved in {@code dir} for a run with {@code fingerprint}; null when there are none. */
    static ReferenceLogprobs read(Path dir, String fingerprint) {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            JsonNode root = JSON.readTree(file.toFile());
            if (!fingerprint.equals(root.path("fingerprint").asText())) {
                return null;
            }
            List<double[]> rows = new ArrayList<>();
            for (JsonNode row : root.path("rows")) {
                double[] values = new double[row.size()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = row.get(i).asDouble();
                }
                rows.add(values);
            }
            return new ReferenceLogprobs(rows.toArray(double[][]::new));
        } catch (IOException e) {
            throw new CheckpointException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** Saves the statistics to {@code dir}, tagged with the run's fingerprint. */
    void write(Path dir, String fingerprint) {
        ObjectNode root = JSON.createObjectNode().put("fingerprint", fingerprint);
        ArrayNode array = root.putArray("rows");
        for (double[] row : rows) {
            ArrayNode values = array.addArray();
            for (double v : row) {
                values.add(v);
            }
        }
        Path file = dir.resolve(FILE);
        Path temp = dir.resolve(FILE + ".tmp");
        try {
            Files.createDirectories(dir);
            JSON.writeValue(temp.toFile(), root);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new CheckpointException(file + ": cannot write: " + e.getMessage(), e);
        }
    }
}
