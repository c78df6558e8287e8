package dev.reason4j.core.provenance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Finds what makes two manifests different jobs. Config values are compared as JSON text re-read by the same
 * parser, so a value compares equal to itself after a round trip through {@code run.json} (a {@code long} read
 * back as an {@code int}, a {@code BigDecimal} read back as a {@code double}).
 */
final class ManifestComparison {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String ABSENT = "(absent)";

    private ManifestComparison() {}

    static List<String> differences(RunManifest run, RunManifest job) {
        List<String> out = new ArrayList<>();
        if (!run.command().equals(job.command())) {
            out.add("command: run has '" + run.command() + "', this job has '" + job.command() + "'");
        }
        for (String key : union(run.config().keySet(), job.config().keySet())) {
            JsonNode was = reread(run.config(), key);
            JsonNode now = reread(job.config(), key);
            if (!Objects.equals(was, now)) {
                out.add("config '" + key + "': run has " + text(was) + ", this job has " + text(now));
            }
        }
        for (String name : union(run.seeds().keySet(), job.seeds().keySet())) {
            Long was = run.seeds().get(name);
            Long now = job.seeds().get(name);
            if (!Objects.equals(was, now)) {
                out.add("seed '" + name + "': run has " + (was == null ? ABSENT : was) + ", this job has "
                        + (now == null ? ABSENT : now));
            }
        }
        compareInputs(run.inputs(), job.inputs(), out);
        return List.copyOf(out);
    }

    private static void compareInputs(List<InputFile> run, List<InputFile> job, List<String> out) {
        if (run.size() != job.size()) {
            out.add("inputs: run has " + run.size() + " file(s), this job has " + job.size());
        }
        for (int i = 0; i < Math.min(run.size(), job.size()); i++) {
            InputFile was = run.get(i);
            InputFile now = job.get(i);
            if (!was.sha256().equals(now.sha256())) {
                out.add("input " + (i + 1) + ": run has " + was.describe() + ", this job has " + now.describe());
            }
        }
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> keys = new LinkedHashSet<>(a);
        keys.addAll(b);
        return keys;
    }

    /** The value as JSON written and parsed again (object equality ignores key order), or null when absent. */
    private static JsonNode reread(Map<String, Object> config, String key) {
        if (!config.containsKey(key)) {
            return null;
        }
        try {
            return MAPPER.readTree(MAPPER.writeValueAsString(config.get(key)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("config '" + key + "' cannot be written as JSON", e);
        }
    }

    private static String text(JsonNode node) {
        return node == null ? ABSENT : node.toString();
    }
}
