package dev.reason4j.core.provenance;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a command's option values into immutable JSON-shaped values (string, boolean, long, double, BigInteger,
 * BigDecimal, list, map, null), so a manifest can always be written to {@code run.json} and compared after reading
 * it back. Friendly types are converted to text: enums by name, paths and durations by {@code toString()}.
 */
final class ConfigValues {

    private ConfigValues() {}

    /** An immutable, insertion-ordered copy of {@code config} with every value normalised. */
    static Map<String, Object> normalise(Map<String, ?> config) {
        return normaliseMap(config, "config");
    }

    private static Map<String, Object> normaliseMap(Map<?, ?> map, String where) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (!(e.getKey() instanceof String key) || key.isBlank()) {
                throw new IllegalArgumentException(where + ": keys must be non-blank strings, got '" + e.getKey() + "'");
            }
            out.put(key, normaliseValue(e.getValue(), where + "." + key));
        }
        return Collections.unmodifiableMap(out);
    }

    private static Object normaliseValue(Object value, String where) {
        return switch (value) {
            case null -> null;
            case String s -> s;
            case Boolean b -> b;
            case Byte n -> n.longValue();
            case Short n -> n.longValue();
            case Integer n -> n.longValue();
            case Long n -> n;
            case BigInteger n -> n;
            case BigDecimal n -> n;
            case Float f -> finite(f.doubleValue(), where);
            case Double d -> finite(d, where);
            case Enum<?> e -> e.name();
            case Path p -> p.toString();
            case Duration d -> d.toString();
            case Map<?, ?> m -> normaliseMap(m, where);
            case Collection<?> c -> normaliseList(c, where);
            default -> throw new IllegalArgumentException(where + ": a value of type " + value.getClass().getName()
                    + " cannot be recorded in run.json; use a string, number, boolean, list or map");
        };
    }

    private static List<Object> normaliseList(Collection<?> values, String where) {
        List<Object> out = new ArrayList<>(values.size());
        int i = 0;
        for (Object v : values) {
            out.add(normaliseValue(v, where + "[" + i++ + "]"));
        }
        return Collections.unmodifiableList(out);
    }

    private static Double finite(double d, String where) {
        if (!Double.isFinite(d)) {
            throw new IllegalArgumentException(where + ": " + d + " cannot be written as JSON; use a string");
        }
        return d;
    }
}
