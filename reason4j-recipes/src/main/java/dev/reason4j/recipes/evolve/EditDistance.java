package dev.reason4j.recipes.evolve;

/** Levenshtein distance (insertions, deletions and substitutions of UTF-16 chars, each costing 1). */
final class EditDistance {

    private EditDistance() {}

    /** The number of edits turning {@code a} into {@code b}. */
    static int between(String a, String b) {
        if (a.length() < b.length()) {
            return between(b, a); // the row spans the shorter text
        }
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            char ca = a.charAt(i - 1);
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (ca == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    /** The distance divided by the longer text's length: 0 for equal texts, 1 for texts with nothing in common. */
    static double normalized(String a, String b) {
        int longer = Math.max(a.length(), b.length());
        return longer == 0 ? 0 : (double) between(a, b) / longer;
    }
}
