package dev.reason4j.app.recipes.evolve;

import dev.reason4j.recipes.evolve.RoundReport;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The table {@code reason4j evolve} ends with: one row per round. */
final class RoundTable {

    private RoundTable() {}

    static void print(PrintWriter w, List<RoundReport> rounds) {
        w.println("round  problems  solved  solved by difficulty      sft  ppm records  pairs  policy steps  ppm steps"
                + "  eval      accuracy");
        for (RoundReport r : rounds) {
            w.printf(Locale.ROOT, "%5d  %8d  %5.1f%%  %-24s  %3d  %11d  %5d  %12s  %9s  %-8s  %8s%n", r.round(),
                    r.solved().whole(), 100 * r.solved().ratio(), byDifficulty(r), r.sftRecords(), r.pairRecords(),
                    r.pairs(), steps(r.policy()), steps(r.ppm()), r.evalStrategy(),
                    r.eval().map(e -> String.format(Locale.ROOT, "%.1f%%", 100 * e.ratio())).orElse("skipped"));
        }
    }

    /** {@code 1: 2/2, 2: 1/2}, or a dash when the problems carry no difficulty. */
    private static String byDifficulty(RoundReport r) {
        if (r.solvedByDifficulty().isEmpty()) {
            return "-";
        }
        return r.solvedByDifficulty().entrySet().stream()
                .map(e -> e.getKey() + ": " + e.getValue().part() + "/" + e.getValue().whole())
                .collect(Collectors.joining(", "));
    }

    /** The round's optimizer steps, or what the round kept when it trained nothing. */
    private static String steps(RoundReport.Model m) {
        if (m.trained()) {
            return Long.toString(m.steps());
        }
        return m.dir() == null ? "none" : "kept";
    }
}
