package dev.reason4j.core.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns one JSON record into a {@link Problem} following a {@link DatasetFormat}, or says which field is wrong. */
final class ProblemMapper {

    private final Path file;
    private final String datasetName;
    private final DatasetFormat format;

    ProblemMapper(Path file, String datasetName, DatasetFormat format) {
        this.file = file;
        this.datasetName = datasetName;
        this.format = format;
    }

    Problem toProblem(JsonRecord record) {
        JsonNode value = record.value();
        if (!value.isObject()) {
            throw DatasetException.badRecord(file, record, null, "expected a JSON object, found " + kind(value));
        }
        String question = question(record);
        JsonNode answerNode = required(record, format.answer());
        String answerText = answerText(record, answerNode);
        String answer;
        try {
            answer = answerNode.isTextual() ? format.answerRule().answerFrom(answerText) : answerText;
        } catch (IllegalArgumentException e) {
            throw bad(record, format.answer(), e.getMessage());
        }
        Map<String, String> meta = meta(value);
        if (format.answerRule().keepsSolution() && answerNode.isTextual()) {
            meta.put("solution", answerText);
        }
        return new Problem(id(record), question, answer, meta);
    }

    private String question(JsonRecord record) {
        JsonNode node = required(record, format.question());
        if (!node.isTextual()) {
            throw bad(record, format.question(), "expected a string, found " + kind(node));
        }
        if (node.textValue().isBlank()) {
            throw bad(record, format.question(), "the question is empty");
        }
        return node.textValue();
    }

    /** Strings as given, numbers in shortest decimal form, booleans as true/false, lists joined with ", ". */
    private String answerText(JsonRecord record, JsonNode node) {
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isNumber()) {
            return JsonText.number(node);
        }
        if (node.isBoolean()) {
            return Boolean.toString(node.booleanValue());
        }
        if (node.isArray() && !node.isEmpty()) {
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < node.size(); i++) {
                JsonNode element = node.get(i);
                if (element.isArray() || element.isObject() || element.isNull()) {
                    throw bad(record, format.answer(), "list element " + i + " is " + kind(element)
                            + "; answers may be strings, numbers or lists of them");
                }
                parts.add(answerText(record, element));
            }
            return String.join(", ", parts);
        }
        throw bad(record, format.answer(), "expected a string, number or non-empty list, found " + kind(node));
    }

    private String id(JsonRecord record) {
        if (format.id() == null) {
            return datasetName + "-" + record.position();
        }
        JsonNode node = required(record, format.id());
        if (node.isTextual() && !node.textValue().isBlank()) {
            return node.textValue();
        }
        if (node.isIntegralNumber()) {
            return node.bigIntegerValue().toString();
        }
        throw bad(record, format.id(), "expected a non-empty string or an integer, found " + kind(node));
    }

    private Map<String, String> meta(JsonNode object) {
        Map<String, String> meta = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            String name = field.getKey();
            boolean isAnswerOrQuestion = isWholeField(format.question(), name) || isWholeField(format.answer(), name);
            if (!isAnswerOrQuestion && !format.ignoredFields().contains(name) && !field.getValue().isNull()) {
                meta.put(name, JsonText.any(field.getValue()));
            }
        }
        return meta;
    }

    private static boolean isWholeField(FieldPath path, String name) {
        return path.segments().size() == 1 && path.topLevelField().equals(name);
    }

    private JsonNode required(JsonRecord record, FieldPath path) {
        JsonNode node = path.resolve(record.value());
        if (node == null || node.isMissingNode()) {
            throw bad(record, path, "missing");
        }
        if (node.isNull()) {
            throw bad(record, path, "is null");
        }
        return node;
    }

    private DatasetException bad(JsonRecord record, FieldPath field, String reason) {
        return DatasetException.badRecord(file, record, field.toString(), reason);
    }

    private static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> node.isEmpty() ? "an empty list" : "a list";
            case OBJECT -> "an object";
            case NUMBER -> "a number (" + node + ")";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            case STRING -> "a string";
            default -> node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
