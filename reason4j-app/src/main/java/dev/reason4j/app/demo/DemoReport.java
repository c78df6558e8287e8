package dev.reason4j.app.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reason4j.app.analyze.AnalysisReport;
import dev.reason4j.app.report.Charts;
import dev.reason4j.app.report.HtmlReport;
import dev.reason4j.app.report.ReportTable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The demo's one-page HTML report, from {@code summary.json}: what ran on which models, then per part its table and
 * charts (accuracy by difficulty per strategy and tokens per strategy; the overthinking analysis with the charts of
 * {@code reason4j analyze}; before/after bars of the recipes), the time each part took and the run's provenance.
 */
final class DemoReport {

    private DemoReport() {}

    /**
     * @param summary the demo's {@code summary.json}
     * @param demoDir the demo's run directory, where part (b)'s responses are read for its charts
     */
    static HtmlReport build(JsonNode summary, Path demoDir, ObjectMapper mapper) {
        HtmlReport report = new HtmlReport("reason4j demo");
        JsonNode models = summary.path("models");
        JsonNode problems = summary.path("problems");
        report.paragraph(String.format(Locale.ROOT, "Mode %s. Policy: %s. Process preference model: %s. %d held-out "
                        + "testbed problems (tiers cycling 1–8) and %d training problems, generated from world seed %d; "
                        + "search, sampling and training seed %d.", summary.path("mode").asText(),
                models.path("policy_origin").asText(), models.path("ppm_origin").asText(), problems.path("test").asInt(),
                problems.path("train").asInt(), problems.path("world_seed").asLong(),
                summary.path("settings").path("seed").asLong()));
        if (models.path("ppm").isNull()) {
            report.note("No PPM: the strategies that need one to score steps (best-of-N, PRM beam search) were "
                    + "skipped, and MCTS ran on terminal votes alone.");
        }
        JsonNode parts = summary.path("parts");
        strategies(report, parts.path("strategies"));
        overthinking(report, parts.path("overthinking"), demoDir, mapper);
        recipe(report, "(c) Shorter reasoning: shorten (SimPO on FCS+Reflection or shortest correct targets)",
                parts.path("shorten"));
        recipe(report, "(c) Shorter reasoning: prune (O1-Pruner)", parts.path("prune"));
        timings(report, summary.path("timings"));
        provenance(report, summary.path("provenance"));
        return report;
    }

    private static void strategies(HtmlReport report, JsonNode part) {
        report.heading("(a) Search strategies");
        JsonNode rows = part.path("strategies");
        List<String> tiers = StrategiesPart.tiers(rows);
        List<String> headers = new ArrayList<>(List.of("strategy", "problems", "accuracy"));
        tiers.forEach(t -> headers.add("tier " + t));
        headers.addAll(List.of("generated tokens / problem", "reward requests", "seconds / problem"));
        ReportTable.Builder table = ReportTable.builder(headers.toArray(String[]::new));
        Map<String, Map<String, Double>> byTier = new LinkedHashMap<>();
        Map<String, Double> tokens = new LinkedHashMap<>();
        for (JsonNode row : rows) {
            String name = row.path("strategy").asText();
            List<String> cells = new ArrayList<>(List.of(name, row.path("problems").asText(),
                    Cells.percent(row.path("accuracy"))));
            Map<String, Double> accuracy = new LinkedHashMap<>();
            for (String tier : tiers) {
                cells.add(StrategiesPart.tierCell(row, tier));
                JsonNode cell = StrategiesPart.byDifficulty(row, tier);
                if (cell != null) {
                    accuracy.put(tier, cell.path("accuracy").asDouble());
                }
            }
            cells.addAll(List.of(Cells.number(row.path("mean_generated_tokens"), "%.1f"),
                    row.path("reward_requests").asText(), StrategiesPart.secondsPerProblem(row)));
            table.row(cells.toArray(String[]::new));
            byTier.put(name, accuracy);
            tokens.put(name, row.path("mean_generated_tokens").asDouble());
        }
        report.table(table.build());
        part.path("skipped").forEach(s -> report.note(s.path("strategy").asText() + " skipped: "
                + s.path("reason").asText()));
        report.paragraph("Generated tokens per problem, by tier:");
        report.table(tokensByTier(rows, tiers));
        if (rows.isEmpty()) {
            return;
        }
        report.chart(Charts.groupedBars("Accuracy by difficulty", "tier (number of operations)", "accuracy", byTier,
                true), "Share of each tier's held-out problems a strategy answered right.");
        report.chart(Charts.bars("Generated tokens per problem", "strategy", "tokens", tokens),
                "Tokens the policy generated per problem, over all trajectories and rollouts of a search.");
    }

    private static ReportTable tokensByTier(JsonNode rows, List<String> tiers) {
        List<String> headers = new ArrayList<>(List.of("strategy"));
        tiers.forEach(t -> headers.add("tier " + t));
        ReportTable.Builder table = ReportTable.builder(headers.toArray(String[]::new));
        for (JsonNode row : rows) {
            List<String> cells = new ArrayList<>(List.of(row.path("strategy").asText()));
            for (String tier : tiers) {
                JsonNode cell = StrategiesPart.byDifficulty(row, tier);
                cells.add(cell == null ? "-" : Cells.number(cell.path("mean_generated_tokens"), "%.1f"));
            }
            table.row(cells.toArray(String[]::new));
        }
        return table.build();
    }

    private static void overthinking(HtmlReport report, JsonNode part, Path demoDir, ObjectMapper mapper) {
        report.heading("(b) Overthinking of the base model");
        report.paragraph(String.format(Locale.ROOT, "%d responses to %d held-out problems, split into solution rounds "
                + "and graded as reason4j analyze does.", part.path("responses").asLong(), part.path("problems").asLong()));
        report.table(ReportTable.builder("metric", "value")
                .row("accuracy", Cells.percent(part.path("accuracy")))
                .row("mean tokens", Cells.number(part.path("mean_tokens"), "%.1f"))
                .row("mean solution rounds", Cells.number(part.path("mean_solutions"), "%.2f"))
                .row("outcome efficiency ξ_O", Cells.number(part.path("outcome_efficiency"), "%.3f"))
                .row("process efficiency ξ_P", Cells.number(part.path("process_efficiency"), "%.3f"))
                .row("tokens after the first correct round", Cells.percent(part.path("tokens_after_first_correct_share")))
                .build());
        AnalysisReport.charts(report, OverthinkingPart.summary(demoDir, part, mapper));
    }

    private static void recipe(HtmlReport report, String heading, JsonNode part) {
        report.heading(heading);
        if (part.has("skipped")) {
            report.note("Not trained: " + part.path("skipped").asText());
            return;
        }
        ReportTable.Builder table = ReportTable.builder("method", "responses", "accuracy", "mean tokens",
                "solution rounds", "ξ_O", "ξ_P", "AES");
        Map<String, Double> accuracy = new LinkedHashMap<>();
        Map<String, Double> tokens = new LinkedHashMap<>();
        for (JsonNode row : part.path("comparison")) {
            String method = row.path("method").asText();
            if (row.has("skipped")) {
                table.row(method, "-", "-", "-", "-", "-", "-", "skipped: " + row.path("skipped").asText());
                continue;
            }
            table.row(method, row.path("responses").asText(), Cells.percent(row.path("accuracy")),
                    Cells.number(row.path("mean_tokens"), "%.1f"), Cells.number(row.path("mean_solutions"), "%.2f"),
                    Cells.number(row.path("outcome_efficiency"), "%.3f"),
                    Cells.number(row.path("process_efficiency"), "%.3f"), Cells.number(row.path("aes"), "%+.3f"));
            accuracy.put(method, row.path("accuracy").asDouble());
            tokens.put(method, row.path("mean_tokens").asDouble());
        }
        report.table(table.build());
        report.paragraph("AES = α·ΔL + β·ΔA when ΔA ≥ 0, else α·ΔL − γ·|ΔA|, against the first row (α, β, γ = 1, 3, 5; "
                + "O1-Pruner). Higher is better.");
        Map<String, Map<String, Double>> bars = new LinkedHashMap<>();
        bars.put("accuracy", accuracy);
        report.chart(Charts.groupedBars("Accuracy before and after", "method", "accuracy", bars, true),
                "Accuracy on the held-out problems; the first bar is the starting model.");
        report.chart(Charts.bars("Mean tokens before and after", "method", "tokens", tokens),
                "Mean tokens per response on the same problems.");
    }

    private static void timings(HtmlReport report, JsonNode timings) {
        report.heading("Time");
        ReportTable.Builder table = ReportTable.builder("part", "seconds");
        timings.properties().forEach(e -> table.row(e.getKey(),
                String.format(Locale.ROOT, "%.1f", e.getValue().asDouble())));
        report.table(table.build());
        report.paragraph("A part finished by an earlier run of the same command keeps that run's time.");
    }

    private static void provenance(HtmlReport report, JsonNode manifest) {
        report.heading("Provenance");
        JsonNode build = manifest.path("build");
        JsonNode platform = manifest.path("platform");
        report.paragraph(String.format(Locale.ROOT, "reason4j %s (commit %s%s), Java %s, %s %s, %d CPUs; run created %s.",
                build.path("version").asText(), build.path("commit").asText(),
                build.path("dirty").asBoolean() ? ", uncommitted changes" : "", platform.path("javaVersion").asText(),
                platform.path("os").asText(), platform.path("arch").asText(), platform.path("cpus").asInt(),
                manifest.path("createdAt").asText()));
        ReportTable.Builder inputs = ReportTable.builder("input", "SHA-256");
        manifest.path("inputs").forEach(i -> inputs.row(i.path("path").asText(), i.path("sha256").asText()));
        report.table(inputs.build());
        report.paragraph("Every part's run directory holds its own run.json (settings, seeds, input hashes) and the "
                + "files the tables come from; summary.json holds every number of this page.");
    }
}
