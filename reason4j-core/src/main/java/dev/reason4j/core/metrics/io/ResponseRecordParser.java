package dev.reason4j.core.metrics.io;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reason4j.core.dataset.FieldPath;
import dev.reason4j.core.dataset.JsonRecord;
import dev.reason4j.core.metrics.GivenSolution;
import dev.reason4j.core.metrics.IssueKind;
import dev.reason4j.core.metrics.ResponseInput;
import dev.reason4j.core.provenance.Hashing;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Turns a JSON record into the responses to analyse, following {@link ResponseFields}.
 *
 * <p>A record holds one problem with one response ({@code "response": "…"}) or several samples
 * ({@code "responses": ["…", "…"]}), a gold answer, and optionally the paper's {@code split_solutions}
 * ({@code [{"solution": …, "correct": …, "cluster": …}]}, or one such array per sample). A record that cannot be
 * used fails with a {@link BadRecordException} naming file, line and field; an empty response only marks its
 * sample {@link ParsedRecord.Empty}, so the other samples of the record are still analysed.
 */
public final class ResponseRecordParser {

    /** Samples per record are numbered into a record's sequence numbers; more would collide. */
    public static final int MAX_SAMPLES = 1_000_000;

    private final Path file;
    private final ResponseFields fields;

    /**
     * @param file the file records come from, for messages
     * @param fields where the fields are
     */
    public ResponseRecordParser(Path file, ResponseFields fields) {
        this.file = Objects.requireNonNull(file, "file");
        this.fields = Objects.requireNonNull(fields, "fields");
    }

    /**
     * The samples of one record.
     *
     * @throws BadRecordException when the record is not an object, lacks a response or gold answer, or has a field
     *     of the wrong type
     */
    public ParsedRecord parse(JsonRecord record) {
        JsonNode value = record.value();
        if (!value.isObject()) {
            throw bad(IssueKind.NOT_AN_OBJECT, record, null,
                    "expected a JSON object, found " + value.getNodeType().name().toLowerCase(Locale.ROOT));
        }
        String problem = text(record, fields.problem());
        String gold = text(record, fields.gold());
        List<String> responses = responses(record);
        List<List<GivenSolution>> splits = splits(record, responses == null ? -1 : responses.size());
        int count = responses != null ? responses.size() : splits.size();
        if (count == 0) {
            throw bad(IssueKind.MISSING_FIELD, record, fields.response(), "an empty list of responses");
        }
        if (count > MAX_SAMPLES) {
            throw bad(IssueKind.BAD_FIELD, record, fields.response(),
                    count + " samples; at most " + MAX_SAMPLES + " per record are supported");
        }
        String problemText = problem == null ? "" : problem;
        List<ParsedRecord.Sample> samples = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String response = responses == null ? null : responses.get(i);
            List<GivenSolution> given = splits.isEmpty() ? List.of() : splits.get(i);
            if ((response == null || response.isBlank()) && given.isEmpty()) {
                samples.add(new ParsedRecord.Empty(i, file + " " + record.location()
                        + (count > 1 ? " sample " + i : "") + ", field '" + ResponseFields.describe(fields.response())
                        + "': the response is " + (response == null ? "null" : "empty")));
                continue;
            }
            if (gold == null && (given.isEmpty() || given.stream().anyMatch(s -> s.correct() == null))) {
                throw bad(IssueKind.MISSING_FIELD, record, fields.gold(),
                        "missing (needed unless every split solution has 'correct')");
            }
            samples.add(new ParsedRecord.Usable(i, new ResponseInput(problemText, gold, response, given)));
        }
        return new ParsedRecord(record.position(), problemKey(record, problem), samples);
    }

    private String problemKey(JsonRecord record, String problem) {
        if (!fields.id().isEmpty()) {
            String id = text(record, fields.id());
            if (id != null) {
                return "id:" + id;
            }
        }
        if (problem != null && !problem.isBlank()) {
            return "problem:" + Hashing.sha256(problem.strip()).substring(0, 16);
        }
        return "line:" + record.position();
    }

    /** The first present alternative as text; numbers are written plainly. Null when absent. */
    private String text(JsonRecord record, List<FieldPath> alternatives) {
        JsonNode node = first(record, alternatives);
        if (node == null) {
            return null;
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isNumber()) {
            return node.decimalValue().toPlainString();
        }
        throw bad(IssueKind.BAD_FIELD, record, alternatives, "expected text or a number, found " + type(node));
    }

    /** The responses of the record, or null when it has none (it may still have split solutions). */
    private List<String> responses(JsonRecord record) {
        JsonNode node = first(record, fields.response());
        if (node == null) {
            return null;
        }
        if (node.isTextual()) {
            return List.of(node.textValue());
        }
        if (!node.isArray()) {
            throw bad(IssueKind.BAD_FIELD, record, fields.response(),
                    "expected a string or an array of strings, found " + type(node));
        }
        List<String> responses = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            if (item.isNull()) {
                responses.add(null);
            } else if (item.isTextual()) {
                responses.add(item.textValue());
            } else {
                throw bad(IssueKind.BAD_FIELD, record, fields.response(),
                        "item " + i + ": expected a string, found " + type(item));
            }
        }
        return responses;
    }

    /**
     * Split solutions per sample; empty when the record has none. {@code samples} is the number of responses, or
     * -1 when the record has only splits.
     */
    private List<List<GivenSolution>> splits(JsonRecord record, int samples) {
        JsonNode node = first(record, fields.splits());
        if (node == null || node.isArray() && node.isEmpty()) {
            if (samples < 0) {
                throw bad(IssueKind.MISSING_FIELD, record, fields.response(), "missing");
            }
            return List.of();
        }
        if (!node.isArray()) {
            throw bad(IssueKind.BAD_FIELD, record, fields.splits(), "expected an array, found " + type(node));
        }
        boolean perSample = !node.isEmpty() && node.get(0).isArray();
        List<List<GivenSolution>> splits = new ArrayList<>();
        if (perSample) {
            for (int i = 0; i < node.size(); i++) {
                splits.add(solutions(record, node.get(i), "item " + i + ": "));
            }
        } else {
            splits.add(solutions(record, node, ""));
        }
        if (samples >= 0 && splits.size() != samples) {
            throw bad(IssueKind.BAD_FIELD, record, fields.splits(), splits.size() + " split(s) for " + samples
                    + " response(s); give one array of solutions per response");
        }
        return splits;
    }

    private List<GivenSolution> solutions(JsonRecord record, JsonNode array, String where) {
        if (!array.isArray()) {
            throw bad(IssueKind.BAD_FIELD, record, fields.splits(), where + "expected an array, found " + type(array));
        }
        List<GivenSolution> solutions = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            JsonNode s = array.get(i);
            String at = where + "solution " + i + ": ";
            if (!s.isObject() || !s.path("solution").isTextual()) {
                throw bad(IssueKind.BAD_FIELD, record, fields.splits(), at + "expected {\"solution\": text, …}");
            }
            JsonNode correct = s.path("correct");
            if (!correct.isMissingNode() && !correct.isNull() && !correct.isBoolean()) {
                throw bad(IssueKind.BAD_FIELD, record, fields.splits(), at + "'correct' must be true or false");
            }
            JsonNode cluster = s.path("cluster");
            if (!cluster.isMissingNode() && !cluster.isNull() && !(cluster.canConvertToInt() && cluster.isIntegralNumber()
                    && cluster.intValue() >= 0)) {
                throw bad(IssueKind.BAD_FIELD, record, fields.splits(), at + "'cluster' must be an integer >= 0");
            }
            solutions.add(new GivenSolution(s.get("solution").textValue(),
                    correct.isBoolean() ? correct.booleanValue() : null,
                    cluster.isIntegralNumber() ? cluster.intValue() : null));
        }
        return solutions;
    }

    private static JsonNode first(JsonRecord record, List<FieldPath> alternatives) {
        for (FieldPath path : alternatives) {
            JsonNode node = path.resolve(record.value());
            if (node != null && !node.isNull()) {
                return node;
            }
        }
        return null;
    }

    private BadRecordException bad(IssueKind kind, JsonRecord record, List<FieldPath> field, String reason) {
        String where = field == null ? "" : ", field '" + ResponseFields.describe(field) + "'";
        return new BadRecordException(kind, record.position(), file + " " + record.location() + where + ": " + reason);
    }

    private static String type(JsonNode node) {
        return node.getNodeType().name().toLowerCase(Locale.ROOT);
    }
}
