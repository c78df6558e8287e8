package dev.reason4j.app.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * A trainer's {@code metrics.jsonl} (one row per optimizer step: {@code step}, {@code loss}, {@code lr},
 * {@code grad_norm}, {@code tokens_per_s}, {@code eval_loss}, reward or accuracy columns, …) as one series per
 * numeric column against the step. Whatever columns a trainer adds get their own series; nulls (an evaluation
 * loss between evaluations) are gaps, not zeros.
 */
final class TrainingMetrics {

    static final String METRICS = "metrics.jsonl";

    /** A point: the step and the value. */
    record Point(double step, double value) {}

    private final Map<String, List<Point>> series;
    private final JsonNode last;
    private final long rows;
    private final Notes notes;

    private TrainingMetrics(Map<String, List<Point>> series, JsonNode last, long rows, Notes notes) {
        this.series = series;
        this.last = last;
        this.rows = rows;
        this.notes = notes;
    }

    static TrainingMetrics read(Path file, ObjectMapper mapper) {
        Notes notes = new Notes();
        Map<String, List<Point>> series = new LinkedHashMap<>();
        JsonNode[] last = {mapper.createObjectNode()};
        long[] rows = {0};
        JsonLines.read(file, mapper, notes, (row, span) -> {
            rows[0]++;
            double step = row.path("step").isNumber() ? row.get("step").asDouble() : rows[0];
            for (Map.Entry<String, JsonNode> field : row.properties()) {
                JsonNode v = field.getValue();
                if (!field.getKey().equals("step") && v.isNumber() && Double.isFinite(v.asDouble())) {
                    series.computeIfAbsent(field.getKey(), k -> new ArrayList<>()).add(new Point(step, v.asDouble()));
                }
            }
            last[0] = row;
        });
        if (rows[0] == 0) {
            notes.add(METRICS + " has no rows yet");
        }
        return new TrainingMetrics(series, last[0], rows[0], notes);
    }

    long rows() {
        return rows;
    }

    /** The last row as written. */
    JsonNode last() {
        return last;
    }

    /** The last value of a column, for a column such as {@code eval_loss} that most rows leave null. */
    OptionalDouble latest(String column) {
        List<Point> points = series.get(column);
        return points == null ? OptionalDouble.empty() : OptionalDouble.of(points.getLast().value());
    }

    Notes notes() {
        return notes;
    }

    /**
     * Every series, each thinned to at most {@code maxPoints} points (every m-th point and the last), enough for a
     * chart however long the run was.
     */
    ObjectNode json(int maxPoints, ObjectMapper mapper) {
        if (maxPoints < 2) {
            throw new IllegalArgumentException("max_points must be >= 2, was " + maxPoints);
        }
        ObjectNode out = mapper.createObjectNode().put("rows", rows);
        out.set("last", last);
        ObjectNode all = out.putObject("series");
        series.forEach((name, points) -> {
            ArrayNode xy = all.putArray(name);
            int stride = (points.size() + maxPoints - 2) / (maxPoints - 1);
            for (int i = 0; i < points.size(); i += Math.max(1, stride)) {
                xy.addArray().add(points.get(i).step()).add(points.get(i).value());
            }
            Point end = points.getLast();
            if (xy.isEmpty() || xy.get(xy.size() - 1).get(0).asDouble() != end.step()) {
                xy.addArray().add(end.step()).add(end.value());
            }
        });
        ArrayNode n = out.putArray("notes");
        notes.list().forEach(n::add);
        return out;
    }
}
