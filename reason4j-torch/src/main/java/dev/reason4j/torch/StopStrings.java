package dev.reason4j.torch;

import java.util.List;

/** Finds the first stop string in generated text. */
public final class StopStrings {

    /** Where a stop string begins in a text. */
    public record Match(int start, String stop) {}

    private StopStrings() {}

    /**
     * The earliest occurrence of any of {@code stops} in {@code text} at or after {@code from}; on a tie the longer
     * stop wins. Null when none occurs.
     */
    public static Match first(String text, List<String> stops, int from) {
        Match best = null;
        for (String stop : stops) {
            int at = text.indexOf(stop, Math.max(0, from));
            if (at >= 0 && (best == null || at < best.start() || at == best.start() && stop.length() > best.stop().length())) {
                best = new Match(at, stop);
            }
        }
        return best;
    }
}
