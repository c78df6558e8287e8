package dev.reason4j.core.provenance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes {@code run.json}. The layout is explicit (no reflection) so the file stays stable across
 * refactorings, and a hand-edited or truncated file is rejected with the offending field named.
 */
final class ManifestJson {

    /** Identifies the file layout; bump when fields change meaning. */
    static final String FORMAT = "reason4j-run/1";

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private ManifestJson() {}

    static String write(RunManifest m) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("command", m.command());
        root.put("createdAt", m.createdAt().toString());
        root.set("config", MAPPER.valueToTree(m.config()));
        ObjectNode seeds = root.putObject("seeds");
        m.seeds().forEach(seeds::put);
        ArrayNode inputs = root.putArray("inputs");
        for (InputFile f : m.inputs()) {
            inputs.addObject().put("path", f.path()).put("sha256", f.sha256()).put("size", f.size());
        }
        root.putObject("build")
                .put("version", m.build().version())
                .put("commit", m.build().commit())
                .put("dirty", m.build().dirty());
        root.putObject("platform")
                .put("javaVersion", m.platform().javaVersion())
                .put("javaVendor", m.platform().javaVendor())
                .put("os", m.platform().os())
                .put("arch", m.platform().arch())
                .put("cpus", m.platform().cpus());
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write run manifest", e);
        }
    }

    static RunManifest read(String json, String source) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(source + ": not valid JSON: " + e.getOriginalMessage(), e);
        }
        Fields f = new Fields(source);
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(source + ": expected a JSON object");
        }
        String format = f.text(root, "format");
        if (!FORMAT.equals(format)) {
            throw new IllegalArgumentException(
                    source + ": field 'format' is '" + format + "', this build reads '" + FORMAT + "'");
        }
        try {
            // read in file order, so the first missing field is the one reported
            String command = f.text(root, "command");
            Instant createdAt = instant(f.text(root, "createdAt"), source);
            Map<String, Object> config = MAPPER.convertValue(f.object(root, "config"), MAP);
            Map<String, Long> seeds = seeds(f.object(root, "seeds"), f);
            List<InputFile> inputs = inputs(f.array(root, "inputs"), f);
            JsonNode build = f.object(root, "build");
            JsonNode platform = f.object(root, "platform");
            return new RunManifest(
                    command,
                    config,
                    seeds,
                    inputs,
                    new BuildInfo(f.text(build, "version"), f.text(build, "commit"), f.bool(build, "dirty")),
                    new Platform(
                            f.text(platform, "javaVersion"),
                            f.text(platform, "javaVendor"),
                            f.text(platform, "os"),
                            f.text(platform, "arch"),
                            (int) f.number(platform, "cpus")),
                    createdAt);
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null && e.getMessage().startsWith(source)) {
                throw e;
            }
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, Long> seeds(JsonNode node, Fields f) {
        Map<String, Long> seeds = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            if (!e.getValue().canConvertToLong() || !e.getValue().isIntegralNumber()) {
                throw new IllegalArgumentException(f.source + ": seed '" + e.getKey() + "' must be an integer");
            }
            seeds.put(e.getKey(), e.getValue().longValue());
        }
        return seeds;
    }

    private static List<InputFile> inputs(JsonNode array, Fields f) {
        List<InputFile> inputs = new ArrayList<>();
        for (JsonNode item : array) {
            inputs.add(new InputFile(f.text(item, "path"), f.text(item, "sha256"), f.number(item, "size")));
        }
        return inputs;
    }

    private static Instant instant(String text, String source) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(source + ": field 'createdAt' is not an ISO-8601 instant: " + text, e);
        }
    }

    /** Typed access to required fields, failing with the file and field named. */
    private record Fields(String source) {
        JsonNode required(JsonNode parent, String name) {
            JsonNode node = parent.get(name);
            if (node == null || node.isNull()) {
                throw new IllegalArgumentException(source + ": field '" + name + "' is missing");
            }
            return node;
        }

        String text(JsonNode parent, String name) {
            JsonNode node = required(parent, name);
            if (!node.isTextual()) {
                throw new IllegalArgumentException(source + ": field '" + name + "' must be a string");
            }
            return node.textValue();
        }

        long number(JsonNode parent, String name) {
            JsonNode node = required(parent, name);
            if (!node.isIntegralNumber() || !node.canConvertToLong()) {
                throw new IllegalArgumentException(source + ": field '" + name + "' must be an integer");
            }
            return node.longValue();
        }

        boolean bool(JsonNode parent, String name) {
            JsonNode node = required(parent, name);
            if (!node.isBoolean()) {
                throw new IllegalArgumentException(source + ": field '" + name + "' must be true or false");
            }
            return node.booleanValue();
        }

        JsonNode object(JsonNode parent, String name) {
            JsonNode node = required(parent, name);
            if (!node.isObject()) {
                throw new IllegalArgumentException(source + ": field '" + name + "' must be an object");
            }
            return node;
        }

        JsonNode array(JsonNode parent, String name) {
            JsonNode node = required(parent, name);
            if (!node.isArray()) {
                throw new IllegalArgumentException(source + ": field '" + name + "' must be an array");
            }
            return node;
        }
    }
}
