package dev.reason4j.testbed.world;

/** Words for small numbers in problem statements: "half", "a third", "twice", "doubles". */
final class Phrases {

    private Phrases() {}

    /** One k-th: 2 → "half", 3 → "a third", 4 → "a quarter", 5 → "a fifth". */
    static String part(long k) {
        return switch ((int) k) {
            case 2 -> "half";
            case 3 -> "a third";
            case 4 -> "a quarter";
            case 5 -> "a fifth";
            default -> throw new IllegalArgumentException("no word for one part in " + k);
        };
    }

    /** k times: 2 → "twice", 3 → "three times", 4 → "four times". */
    static String times(long k) {
        return switch ((int) k) {
            case 2 -> "twice";
            case 3 -> "three times";
            case 4 -> "four times";
            default -> throw new IllegalArgumentException("no word for " + k + " times");
        };
    }

    /** Grows k-fold: 2 → "doubled", 3 → "tripled". */
    static String grown(long k) {
        return switch ((int) k) {
            case 2 -> "doubled";
            case 3 -> "tripled";
            default -> throw new IllegalArgumentException("no word for growing " + k + "-fold");
        };
    }
}
