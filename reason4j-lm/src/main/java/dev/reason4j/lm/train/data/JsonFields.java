package dev.reason4j.lm.train.data;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reason4j.lm.ChatMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/** Reads typed fields of one JSON record; every failure is a {@link BadField} naming the field's dotted path. */
final class JsonFields {

    private JsonFields() {}

    static boolean has(JsonNode record, String field) {
        JsonNode value = record.get(field);
        return value != null && !value.isNull();
    }

    static String text(JsonNode record, String field) {
        return textOf(require(record, field), field);
    }

    /** A string field that may be absent or null; empty then. */
    static String optionalText(JsonNode record, String field) {
        return has(record, field) ? text(record, field) : "";
    }

    /** A list of strings; with {@code nonEmpty} an empty list is an error. */
    static List<String> texts(JsonNode record, String field, boolean nonEmpty) {
        JsonNode list = require(record, field);
        if (!list.isArray()) {
            throw new BadField(field, "expected a list of strings, got " + describe(list));
        }
        if (nonEmpty && list.isEmpty()) {
            throw new BadField(field, "is empty");
        }
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            texts.add(textOf(list.get(i), field + "." + i));
        }
        return texts;
    }

    /** A list of strings that may be absent; empty then. */
    static List<String> optionalTexts(JsonNode record, String field) {
        return has(record, field) ? texts(record, field, false) : List.of();
    }

    /** Whether the field holds a list (a conversation) rather than a string. */
    static boolean isList(JsonNode record, String field) {
        return require(record, field).isArray();
    }

    /** A list of {@code {"role", "content"}} messages (TRL's conversational form), not empty. */
    static List<ChatMessage> messages(JsonNode record, String field) {
        JsonNode list = require(record, field);
        if (!list.isArray()) {
            throw new BadField(field, "expected a list of {\"role\", \"content\"} messages, got " + describe(list));
        }
        if (list.isEmpty()) {
            throw new BadField(field, "is empty");
        }
        List<ChatMessage> messages = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode message = list.get(i);
            String at = field + "." + i;
            if (!message.isObject()) {
                throw new BadField(at, "expected a {\"role\", \"content\"} message, got " + describe(message));
            }
            String role = text(message, "role", at + ".role");
            if (role.isBlank()) {
                throw new BadField(at + ".role", "is blank");
            }
            messages.add(new ChatMessage(role, text(message, "content", at + ".content")));
        }
        return messages;
    }

    /** A finite number. */
    static double number(JsonNode record, String field) {
        JsonNode value = require(record, field);
        if (!value.isNumber()) {
            throw new BadField(field, "expected a number, got " + describe(value));
        }
        double number = value.doubleValue();
        if (!Double.isFinite(number)) {
            throw new BadField(field, "must be finite, got " + value);
        }
        return number;
    }

    /** A finite number that may be absent or null. */
    static OptionalDouble optionalNumber(JsonNode record, String field) {
        return has(record, field) ? OptionalDouble.of(number(record, field)) : OptionalDouble.empty();
    }

    /** A correctness label: {@code true}/{@code false} (TRL's unpaired preference) or 1/0. */
    static double label(JsonNode record, String field) {
        JsonNode value = require(record, field);
        if (value.isBoolean()) {
            return value.booleanValue() ? 1 : 0;
        }
        double label = number(record, field);
        if (label != 0 && label != 1) {
            throw new BadField(field, "expected true, false, 1 or 0, got " + value);
        }
        return label;
    }

    /** A prompt written out as a string (used as is) or a list of messages (rendered as a conversation). */
    static PromptLayout.Prompted prompt(JsonNode record, String field, PromptLayout layout) {
        return isList(record, field) ? layout.chat(messages(record, field)) : layout.text(text(record, field));
    }

    /** A reply: a string, or TRL's conversational form, a list holding one assistant message. */
    static String reply(JsonNode record, String field) {
        if (!isList(record, field)) {
            return text(record, field);
        }
        List<ChatMessage> messages = messages(record, field);
        if (messages.size() != 1 || !messages.getFirst().role().equals("assistant")) {
            throw new BadField(field, "expected one assistant message, got " + messages.size() + " message(s) with "
                    + "roles " + messages.stream().map(ChatMessage::role).toList());
        }
        return messages.getFirst().content();
    }

    /** LLaMA-Factory's per-sample {@code weight}: a finite number >= 0, 1 when absent. */
    static double weight(JsonNode record) {
        double weight = optionalNumber(record, "weight").orElse(1);
        if (weight < 0) {
            throw new BadField("weight", "must be >= 0, got " + weight);
        }
        return weight;
    }

    /** The length-harmonizing advantage: field {@code advantage}, else {@code weight} (LLaMA-Factory's name). */
    static double advantage(JsonNode record) {
        if (has(record, "advantage")) {
            return number(record, "advantage");
        }
        if (has(record, "weight")) {
            return number(record, "weight");
        }
        throw new BadField("advantage", "missing (the length-harmonizing loss needs each sample's advantage in "
                + "'advantage' or LLaMA-Factory's 'weight')");
    }

    private static String text(JsonNode object, String name, String path) {
        JsonNode value = object.get(name);
        if (value == null || value.isNull()) {
            throw new BadField(path, "missing");
        }
        return textOf(value, path);
    }

    private static JsonNode require(JsonNode record, String field) {
        JsonNode value = record.get(field);
        if (value == null || value.isNull()) {
            throw new BadField(field, "missing");
        }
        return value;
    }

    private static String textOf(JsonNode value, String path) {
        if (!value.isTextual()) {
            throw new BadField(path, "expected a string, got " + describe(value));
        }
        return value.textValue();
    }

    private static String describe(JsonNode value) {
        String text = value.toString();
        String shown = text.length() > 40 ? text.substring(0, 37) + "..." : text;
        return value.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + " " + shown;
    }
}
