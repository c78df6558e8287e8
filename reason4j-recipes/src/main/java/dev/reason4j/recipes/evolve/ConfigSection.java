package dev.reason4j.recipes.evolve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reason4j.recipes.RecipeInputException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

/**
 * One mapping of a {@link ConfigFile}, read key by key with defaults. Every error names the file, the line and the
 * dotted field; {@link #requireKnown()} refuses keys nobody read, so a misspelt setting is an error rather than a
 * silently kept default.
 */
final class ConfigSection {

    private final ConfigFile file;
    private final ObjectNode node;
    private final String path;
    private final Set<String> read = new HashSet<>();

    ConfigSection(ConfigFile file, ObjectNode node, String path) {
        this.file = file;
        this.node = node;
        this.path = path;
    }

    boolean has(String key) {
        read.add(key);
        JsonNode v = node.get(key);
        return v != null && !v.isNull();
    }

    /** A required string. */
    String text(String key) {
        if (!has(key)) {
            throw error(key, "missing");
        }
        JsonNode v = node.get(key);
        if (!v.isTextual() && !v.isNumber()) {
            throw error(key, "expected a text, found " + describe(v));
        }
        return v.asText();
    }

    String textOr(String key, String fallback) {
        return has(key) ? text(key) : fallback;
    }

    /** A required path; relative paths are relative to the configuration file's directory. */
    Path path(String key) {
        return file.resolve(text(key));
    }

    int integer(String key, int fallback) {
        long value = longInteger(key, fallback);
        if (value != (int) value) {
            throw error(key, "expected a whole number of at most " + Integer.MAX_VALUE + ", found " + value);
        }
        return (int) value;
    }

    long longInteger(String key, long fallback) {
        if (!has(key)) {
            return fallback;
        }
        JsonNode v = node.get(key);
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw error(key, "expected a whole number, found " + describe(v));
        }
        return v.asLong();
    }

    double number(String key, double fallback) {
        if (!has(key)) {
            return fallback;
        }
        JsonNode v = node.get(key);
        if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
            throw error(key, "expected a number, found " + describe(v));
        }
        return v.asDouble();
    }

    boolean bool(String key, boolean fallback) {
        if (!has(key)) {
            return fallback;
        }
        JsonNode v = node.get(key);
        if (!v.isBoolean()) {
            throw error(key, "expected true or false, found " + describe(v));
        }
        return v.asBoolean();
    }

    /** One of an enum's constants, written in lower case with dashes ({@code last-layers}). */
    <E extends Enum<E>> E choice(String key, Class<E> type, E fallback) {
        if (!has(key)) {
            return fallback;
        }
        String given = text(key);
        for (E constant : type.getEnumConstants()) {
            if (name(constant).equals(given.strip().toLowerCase(Locale.ROOT))) {
                return constant;
            }
        }
        throw error(key, "expected one of " + String.join(", ", Arrays.stream(type.getEnumConstants())
                .map(ConfigSection::name).toList()) + ", found '" + given + "'");
    }

    /** How {@link #choice} writes a constant. */
    static String name(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** A nested mapping; an absent one reads as empty, so that all its settings keep their defaults. */
    ConfigSection section(String key) {
        String full = qualified(key);
        if (!has(key)) {
            return new ConfigSection(file, node.objectNode(), full);
        }
        JsonNode v = node.get(key);
        if (!v.isObject()) {
            throw error(key, "expected a mapping of settings, found " + describe(v));
        }
        return new ConfigSection(file, (ObjectNode) v, full);
    }

    /**
     * Makes a settings record from this section, reporting a rule its constructor enforces (an
     * {@link IllegalArgumentException}) as an error about this section.
     */
    <T> T valid(Supplier<T> make) {
        try {
            return make.get();
        } catch (RecipeInputException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw file.error(path, e.getMessage());
        }
    }

    /** {@link #valid}, then {@link #requireKnown()}: the section is read whole. */
    <T> T build(Supplier<T> make) {
        T built = valid(make);
        requireKnown();
        return built;
    }

    /** Refuses every key no accessor has read: it is misspelt or not a setting of this section. */
    void requireKnown() {
        List<String> unknown = new ArrayList<>();
        node.fieldNames().forEachRemaining(k -> {
            if (!read.contains(k)) {
                unknown.add(k);
            }
        });
        if (!unknown.isEmpty()) {
            List<String> known = read.stream().sorted().toList();
            throw error(unknown.get(0), "unknown setting" + (known.isEmpty() ? "" : "; this section has "
                    + String.join(", ", known)));
        }
    }

    RecipeInputException error(String key, String reason) {
        return file.error(qualified(key), reason);
    }

    private String qualified(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private static String describe(JsonNode v) {
        return v.isContainerNode() ? v.getNodeType().name().toLowerCase(Locale.ROOT) : "'" + v.asText() + "'";
    }
}
