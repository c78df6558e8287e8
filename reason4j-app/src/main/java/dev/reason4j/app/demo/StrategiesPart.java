package dev.reason4j.app.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reason4j.app.EvalCommand;
import dev.reason4j.app.ui.EvalRun;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Part (a): the search strategies on the held-out problems, one {@code reason4j eval} run with greedy decoding,
 * maj@k, best-of-k with the PPM, PRM beam search with the PPM, rStar MCTS and adaptive MCTS (both with the PPM
 * when there is one: its scores initialise Q and pick the answer). Without a PPM the two strategies that need a
 * step scorer are skipped and say so. The numbers per strategy, overall and by difficulty tier, come from the run's
 * {@code results.jsonl}; wall time and reward requests from its {@code summary.json}.
 */
final class StrategiesPart implements DemoPart {

    /** A strategy as {@code reason4j eval --strategy} names it, and whether it needs a step scorer. */
    private record Strategy(String option, boolean needsPpm) {}

    private static final List<Strategy> STRATEGIES = List.of(new Strategy("greedy", false), new Strategy("maj", false),
            new Strategy("bon", true), new Strategy("beam", true), new Strategy("mcts", false),
            new Strategy("adaptive", false));

    private final ObjectMapper mapper;

    StrategiesPart(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public String id() {
        return "strategies";
    }

    @Override
    public String title() {
        return "(a) search strategies: accuracy and tokens by difficulty";
    }

    @Override
    public ObjectNode run(DemoSetup setup) throws IOException {
        DemoSize.Search size = setup.size().search();
        Path dir = setup.out().resolve(id());
        List<String> chosen = new ArrayList<>();
        ObjectNode result = mapper.createObjectNode().put("dir", id()).put("ppm", setup.models().ppm().isPresent());
        ArrayNode skipped = result.putArray("skipped");
        for (Strategy s : STRATEGIES) {
            if (s.needsPpm() && setup.models().ppm().isEmpty()) {
                skipped.addObject().put("strategy", displayName(s.option(), size))
                        .put("reason", "needs a PPM to score its steps; " + setup.models().ppmOrigin());
            } else {
                chosen.add(s.option());
            }
        }
        List<String> args = new ArrayList<>(List.of("--model", setup.models().policy().toString(),
                "--data", setup.problems().test().toString(), "--out", dir.toString(),
                "--strategy", String.join(",", chosen), "--protocol", setup.searchProtocol().name(),
                "--device", setup.device(), "--threads", Integer.toString(setup.threads()),
                "--seed", Long.toString(setup.seed()),
                "--samples", Integer.toString(size.samples()),
                "--beam-width", Integer.toString(size.beamWidth()),
                "--beam-samples", Integer.toString(size.beamSamples()),
                "--candidates", Integer.toString(size.candidates()),
                "--rollouts", Integer.toString(size.rollouts()),
                "--max-step-tokens", Integer.toString(size.maxStepTokens()),
                "--max-depth", Integer.toString(size.maxDepth())));
        setup.models().ppm().ifPresent(ppm -> args.addAll(List.of("--ppm", ppm.toString())));
        EmbeddedCommand.parse(new EvalCommand(), "eval", args, setup.printer()).call();

        ArrayNode rows = EvalRun.read(dir.resolve("results.jsonl"), mapper).strategyStats(mapper);
        JsonNode totals = mapper.readTree(dir.resolve("summary.json").toFile()).path("strategies");
        for (JsonNode row : rows) {
            for (JsonNode t : totals) {
                if (t.path("strategy").asText().equals(row.path("strategy").asText())) {
                    ((ObjectNode) row).put("wall_seconds", t.path("wall_seconds").asDouble())
                            .put("reward_requests", t.path("reward_requests").asLong());
                }
            }
        }
        result.set("strategies", rows);
        return result;
    }

    /** The name {@code reason4j eval} gives a strategy that did not run. */
    private static String displayName(String option, DemoSize.Search size) {
        return switch (option) {
            case "bon" -> "best-of-" + size.samples();
            case "beam" -> "beam-" + size.beamWidth() + "x" + size.beamSamples();
            default -> option;
        };
    }

    /** The difficulty tiers the rows hold, in the order they first appear. */
    static List<String> tiers(JsonNode rows) {
        Set<String> tiers = new LinkedHashSet<>();
        rows.forEach(row -> row.path("by_difficulty").forEach(d -> tiers.add(d.path("difficulty").asText())));
        return List.copyOf(tiers);
    }

    @Override
    public void print(PrintWriter w, JsonNode result) {
        JsonNode rows = result.path("strategies");
        List<String> tiers = tiers(rows);
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%-16s %8s  %8s", "strategy", "problems",
                "accuracy"));
        tiers.forEach(t -> head.append(String.format(Locale.ROOT, " %6s", "tier " + t)));
        w.println(head.append(String.format(Locale.ROOT, "  %10s  %7s", "gen tok/pb", "s/pb")));
        for (JsonNode row : rows) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-16s %8d  %7.1f%%",
                    row.path("strategy").asText(), row.path("problems").asLong(), 100 * row.path("accuracy").asDouble()));
            tiers.forEach(tier -> line.append(String.format(Locale.ROOT, " %6s", tierCell(row, tier))));
            w.println(line.append(String.format(Locale.ROOT, "  %10.1f  %7s", row.path("mean_generated_tokens").asDouble(),
                    secondsPerProblem(row))));
        }
        for (JsonNode s : result.path("skipped")) {
            w.printf("%-16s skipped: %s%n", s.path("strategy").asText(), s.path("reason").asText());
        }
        w.flush();
    }

    /** A row's result on one tier as {@code correct/problems}, {@code -} when it has no problem of that tier. */
    static String tierCell(JsonNode row, String tier) {
        JsonNode cell = byDifficulty(row, tier);
        return cell == null ? "-" : cell.path("correct").asLong() + "/" + cell.path("problems").asLong();
    }

    /** A row's wall time per problem, each batch's time shared among its problems. */
    static String secondsPerProblem(JsonNode row) {
        double problems = Math.max(1, row.path("problems").asLong());
        return String.format(Locale.ROOT, "%.2f", row.path("wall_seconds").asDouble() / problems);
    }

    /** A row's numbers for one tier, or null when it has no problem of that tier. */
    static JsonNode byDifficulty(JsonNode row, String tier) {
        for (JsonNode d : row.path("by_difficulty")) {
            if (d.path("difficulty").asText().equals(tier)) {
                return d;
            }
        }
        return null;
    }
}
