package dev.reason4j.testbed.world;

/**
 * Difficulty tiers to generate, by number of operations.
 *
 * @param min the fewest operations, at least {@value #LOWEST}
 * @param max the most operations, at most {@value #HIGHEST}
 */
public record TierRange(int min, int max) {

    public static final int LOWEST = 1;
    public static final int HIGHEST = 8;
    public static final TierRange ALL = new TierRange(LOWEST, HIGHEST);

    public TierRange {
        if (min < LOWEST || max > HIGHEST || min > max) {
            throw new IllegalArgumentException(
                    "tiers must lie within " + LOWEST + "-" + HIGHEST + " with min <= max, got " + min + "-" + max);
        }
    }

    /** Parses {@code 3} or {@code 1-8}. */
    public static TierRange parse(String text) {
        String t = text.strip();
        try {
            int dash = t.indexOf('-');
            return dash < 0 ? new TierRange(Integer.parseInt(t), Integer.parseInt(t))
                    : new TierRange(Integer.parseInt(t.substring(0, dash).strip()), Integer.parseInt(t.substring(dash + 1).strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("tiers must be N or N-M (e.g. 1-8), got '" + text + "'");
        }
    }

    public int count() {
        return max - min + 1;
    }

    @Override
    public String toString() {
        return min + "-" + max;
    }
}
