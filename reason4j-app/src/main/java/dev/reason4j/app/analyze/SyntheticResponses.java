package dev.reason4j.app.analyze;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Long synthetic reasoning responses with a known number of solution rounds, for benchmarks: each answers "What
 * is a × b + c?" in at least {@link #MIN_PARAGRAPHS} paragraphs, with a first solution, then verifications and
 * alternative approaches ("Wait, let me double-check…", "Alternatively…") that each reach an answer again, right
 * or wrong, and a closing "Final Answer" restatement (after {@code </think>} in half of them). Working paragraphs
 * never state an answer or open with a marker, so the rule-based splitter should find exactly the rounds built.
 * Deterministic for a seed.
 */
final class SyntheticResponses {

    /** Fewest paragraphs per response. */
    static final int MIN_PARAGRAPHS = 20;

    private static final List<String> OPENERS = List.of(
            "Wait, let me double-check the multiplication before I commit to this.",
            "Alternatively, I can split the other factor and use the distributive property the other way round.",
            "Let me verify this by estimating the size of the product first.",
            "To confirm, I will redo the addition column by column.",
            "Hmm, maybe I misread one of the numbers, so I will go through it again.",
            "Another way to see it is to count in groups of ten.",
            "But wait, I should make sure the order of operations is right.");
    private static final List<String> WORKING = List.of(
            "The problem asks for the product of %1$d and %2$d, and then %3$d more on top of that.",
            "I will break %2$d into tens and ones, since multiplying by a round number is easier to do in my head.",
            "%1$d times %4$d is %5$d, because %1$d times %6$d is %7$d and one more zero goes at the end.",
            "%1$d times %8$d is %9$d.",
            "Adding the two partial products, %5$d plus %9$d makes %10$d.",
            "Now the remaining part of the expression is to add %3$d to %10$d.",
            "%10$d plus %3$d: the ones digits first, then the tens, carrying where needed, gives %11$d.",
            "The multiplication has to happen before the addition, as usual for this kind of expression.",
            "A quick size check: %1$d is close to %12$d, and %12$d times %2$d is about %13$d, which is in the same range.",
            "None of the steps so far used anything beyond times tables and carrying.",
            "Writing the numbers one under another keeps the digits in their columns.",
            "The product is the larger part of the total here, so an error there would matter most.");

    private final SplittableRandom random;

    SyntheticResponses(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /**
     * One generated response.
     *
     * @param problem the question
     * @param gold its answer
     * @param response the response text
     * @param rounds the solution rounds it was built from
     * @param paragraphs its paragraphs
     */
    record Synthetic(String problem, String gold, String response, int rounds, int paragraphs) {}

    /** The next {@code n} responses. */
    List<Synthetic> generate(int n) {
        List<Synthetic> all = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            all.add(next());
        }
        return all;
    }

    /** The next response. */
    Synthetic next() {
        int a = 12 + random.nextInt(88);
        int b = 12 + random.nextInt(88);
        int c = 1 + random.nextInt(999);
        int answer = a * b + c;
        Object[] values = values(a, b, c);
        int rounds = 1 + random.nextInt(6);
        List<List<String>> roundParagraphs = new ArrayList<>();
        int paragraphs = 0;
        for (int r = 0; r < rounds; r++) {
            List<String> round = new ArrayList<>();
            if (r > 0) {
                round.add(OPENERS.get(random.nextInt(OPENERS.size())));
            }
            for (int k = r == 0 ? 4 + random.nextInt(5) : 1 + random.nextInt(4); k > 0; k--) {
                round.add(working(values));
            }
            roundParagraphs.add(round);
            paragraphs += round.size() + 1;
        }
        while (paragraphs < MIN_PARAGRAPHS - 1) { // the closing restatement is one more
            List<String> round = roundParagraphs.get(random.nextInt(rounds));
            round.add(round.size() > 1 ? 1 + random.nextInt(round.size() - 1) : round.size(), working(values));
            paragraphs++;
        }
        boolean think = random.nextBoolean();
        List<String> all = new ArrayList<>();
        int last = answer;
        for (List<String> round : roundParagraphs) {
            all.addAll(round);
            last = random.nextInt(5) == 0 ? answer + (1 + random.nextInt(20)) * (random.nextBoolean() ? 1 : -1) : answer;
            all.add(random.nextBoolean() ? "So the answer is \\boxed{" + last + "}." : "Therefore, the answer is " + last + ".");
        }
        if (think) {
            all.set(all.size() - 1, all.getLast() + "</think>");
        }
        all.add("**Final Answer**\n\\[ \\boxed{" + last + "} \\]");
        String text = (think ? "<think>" : "") + String.join("\n\n", all);
        return new Synthetic("What is " + a + " × " + b + " + " + c + "?", Integer.toString(answer), text, rounds,
                all.size());
    }

    private String working(Object[] values) {
        return String.format(WORKING.get(random.nextInt(WORKING.size())), values);
    }

    /** The numbers the working paragraphs refer to, by position (1-based in the format strings). */
    private static Object[] values(int a, int b, int c) {
        int tens = b / 10 * 10;
        int ones = b % 10;
        int round = (a + 5) / 10 * 10;
        return new Object[] {a, b, c, tens, a * tens, b / 10, a * (b / 10), ones, a * ones, a * b, a * b + c, round,
            round * b};
    }
}
