package dev.reason4j.app.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * What the runs list and a run's page show about a run: its kind, configuration and provenance from
 * {@code run.json}, a headline of its results, its files and the notes of whatever could not be read.
 */
final class RunOverviews {

    private static final List<String> MANIFEST_FIELDS = List.of("config", "seeds", "inputs", "build", "platform");
    private static final List<String> ANALYSIS_HEADLINE = List.of("responses", "problems", "accuracy", "mean_tokens",
            "mean_solutions", "outcome_efficiency", "process_efficiency", "tokens_after_first_correct_share",
            "token_counting");

    private final ObjectMapper mapper;
    private final RunReaders readers;

    RunOverviews(ObjectMapper mapper, RunReaders readers) {
        this.mapper = mapper;
        this.readers = readers;
    }

    /** A row of the runs list: kind, configuration, provenance, headline, notes. */
    ObjectNode summary(RunDir run) {
        Notes notes = new Notes();
        ObjectNode out = mapper.createObjectNode().put("id", run.id());
        JsonNode manifest = readers.json(run, RunReaders.MANIFEST, notes).orElse(null);
        if (manifest == null) {
            notes.add("no readable " + RunReaders.MANIFEST + ": configuration and provenance unknown");
        }
        String command = manifest == null ? "" : manifest.path("command").asText("");
        RunKind kind = RunKind.detect(command, run);
        out.put("kind", kind.wireName()).put("command", command.isEmpty() ? null : command);
        out.put("created_at", manifest == null ? null : manifest.path("createdAt").asText(null));
        for (String field : MANIFEST_FIELDS) {
            out.set(field, manifest == null ? mapper.nullNode() : manifest.path(field));
        }
        out.set("headline", headline(run, kind, notes));
        if (kind == RunKind.OTHER) {
            notes.add("reason4j ui has no view for " + (command.isEmpty() ? "this kind of" : "'" + command + "'")
                    + " runs: configuration and files only");
        }
        out.set("notes", json(notes));
        return out;
    }

    /** The run's page: the summary plus its files, its {@code summary.json} and per-strategy results. */
    ObjectNode detail(RunDir run) {
        ObjectNode out = summary(run);
        Notes notes = new Notes();
        ArrayNode files = out.putArray("files");
        run.files().forEach(f -> files.addObject().put("name", f.name()).put("bytes", f.bytes()));
        out.set("summary", readers.json(run, RunReaders.SUMMARY, notes).orElse(mapper.nullNode()));
        out.put("has_report", run.has("report.html"));
        if (RunKind.EVAL.wireName().equals(out.path("kind").asText())) {
            readers.eval(run, notes).ifPresent(e -> {
                out.set("strategies", e.strategyStats(mapper));
                out.put("problems", e.problems().size());
                notes.addAll(e.notes());
            });
        }
        ArrayNode all = (ArrayNode) out.get("notes");
        notes.list().forEach(all::add);
        return out;
    }

    private JsonNode headline(RunDir run, RunKind kind, Notes notes) {
        ObjectNode h = mapper.createObjectNode();
        switch (kind) {
            case EVAL -> {
                JsonNode summary = readers.json(run, RunReaders.SUMMARY, notes).orElse(null);
                ArrayNode rows = h.putArray("strategies");
                if (summary != null && summary.path("strategies").isArray()) {
                    for (JsonNode s : summary.get("strategies")) {
                        rows.addObject().put("strategy", s.path("strategy").asText())
                                .put("problems", s.path("problems").asLong()).put("accuracy", s.path("accuracy").asDouble())
                                .put("mean_generated_tokens", s.path("mean_generated_tokens").asDouble());
                    }
                } else {
                    readers.eval(run, notes).ifPresent(e -> rows.addAll(e.strategyStats(mapper)));
                }
            }
            case ANALYSIS -> readers.json(run, RunReaders.SUMMARY, notes).ifPresentOrElse(
                    s -> ANALYSIS_HEADLINE.forEach(f -> h.set(f, s.path(f).isMissingNode() ? null : s.get(f))),
                    () -> notes.add("no " + RunReaders.SUMMARY + " yet: the analysis has not finished"));
            case TRAINING -> readers.training(run, notes).ifPresent(m -> {
                h.put("steps", m.rows());
                JsonNode last = m.last();
                for (String f : List.of("step", "loss", "lr", "tokens", "epoch")) {
                    if (last.hasNonNull(f)) {
                        h.set(f, last.get(f));
                    }
                }
                m.latest("eval_loss").ifPresent(v -> h.put("eval_loss", v));
            });
            case OTHER -> { }
        }
        return h;
    }

    private ArrayNode json(Notes notes) {
        ArrayNode out = mapper.createArrayNode();
        notes.list().forEach(out::add);
        return out;
    }
}
