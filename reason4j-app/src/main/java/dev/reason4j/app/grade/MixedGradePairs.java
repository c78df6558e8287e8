package dev.reason4j.app.grade;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Function;

/**
 * A seeded generator of (gold, predicted, expected) answer pairs across every kind the grader handles — integers,
 * decimals, fractions, mixed numbers, roots, π, percent, units, thousands separators, expressions, equations,
 * tuples, intervals, sets, matrices, choices and text — half of them equal, half different in a way a careless
 * grader would miss. Used by {@code reason4j bench grade}, the shipped example file and the resume tests.
 */
public final class MixedGradePairs {

    /** One generated pair and whether the two answers are equal. */
    public record Pair(String gold, String predicted, boolean equal, String kind) {}

    private static final String[] DAYS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};

    private final Random random;
    private final List<Function<Boolean, Pair>> makers = List.of(
            this::integer, this::decimal, this::fraction, this::mixedNumber, this::root, this::pi, this::percent,
            this::unit, this::thousands, this::polynomial, this::equation, this::tuple, this::interval, this::set,
            this::matrix, this::choice, this::text, this::approximation);

    public MixedGradePairs(long seed) {
        this.random = new Random(seed);
    }

    /** {@code n} pairs cycling through the kinds, alternating equal and different. */
    public List<Pair> generate(int n) {
        List<Pair> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(makers.get(i % makers.size()).apply((i / makers.size()) % 2 == 0));
        }
        return out;
    }

    private int between(int lo, int hi) {
        return lo + random.nextInt(hi - lo + 1);
    }

    private Pair integer(boolean equal) {
        long n = between(10, 2_000_000);
        return new Pair(Long.toString(n), equal ? "$" + n + "$" : Long.toString(n + between(1, 9)), equal, "integer");
    }

    private Pair decimal(boolean equal) {
        int a = between(1, 9999);
        int b = between(1, 99);
        String gold = a + "." + String.format(Locale.ROOT, "%02d", b);
        String same = "\\frac{" + (a * 100 + b) + "}{100}";
        return new Pair(gold, equal ? same : a + "." + String.format(Locale.ROOT, "%02d", (b + 1) % 100), equal, "decimal");
    }

    private Pair fraction(boolean equal) {
        int p = between(1, 50);
        int q = between(p + 1, 97);
        int k = between(2, 6);
        String gold = "\\frac{" + p + "}{" + q + "}";
        String pred = equal ? "\\dfrac{" + (p * k) + "}{" + (q * k) + "}" : "\\frac{" + q + "}{" + p + "}";
        return new Pair(gold, pred, equal, "fraction");
    }

    private Pair mixedNumber(boolean equal) {
        int whole = between(1, 9);
        int q = between(2, 9);
        int p = between(1, q - 1);
        String gold = whole + "\\frac{" + p + "}{" + q + "}";
        String pred = equal ? (whole * q + p) + "/" + q : (whole * p) + "/" + q;
        return new Pair(gold, pred, equal, "mixed");
    }

    private Pair root(boolean equal) {
        int k = between(2, 9);
        int m = new int[] {2, 3, 5, 6, 7, 10, 11}[between(0, 6)];
        String gold = k + "\\sqrt{" + m + "}";
        String pred = equal ? "\\sqrt{" + (k * k * m) + "}" : "\\sqrt{" + (k * m) + "}";
        return new Pair(gold, pred, equal, "root");
    }

    private Pair pi(boolean equal) {
        int a = between(1, 11);
        int b = between(2, 12);
        String gold = "\\frac{" + a + "\\pi}{" + b + "}";
        String pred = equal ? "\\frac{" + a + "}{" + b + "}\\pi" : String.format(Locale.ROOT, "%.3f", a * 3.0 / b);
        return new Pair(gold, pred, equal, "pi");
    }

    private Pair percent(boolean equal) {
        int a = between(1, 99);
        String pred = equal ? (random.nextBoolean() ? Integer.toString(a) : "0." + String.format(Locale.ROOT, "%02d", a))
                : Integer.toString(a * 100);
        return new Pair(a + "\\%", pred, equal, "percent");
    }

    private Pair unit(boolean equal) {
        int a = between(2, 500);
        String u = new String[] {"cm", "inches", "square feet", "dollars", "minutes"}[between(0, 4)];
        return new Pair(a + "\\text{ " + u + "}", equal ? Integer.toString(a) : Integer.toString(a + 1), equal, "unit");
    }

    private Pair thousands(boolean equal) {
        int hi = between(1, 999);
        int lo = between(0, 999);
        String gold = hi + ",\\!" + String.format(Locale.ROOT, "%03d", lo);
        String pred = equal ? Integer.toString(hi * 1000 + lo) : Integer.toString(hi * 1000 + lo + 6);
        return new Pair(gold, pred, equal, "thousands");
    }

    private Pair polynomial(boolean equal) {
        int a = between(1, 9);
        int b = between(1, 9);
        String gold = "(x+" + a + ")(x-" + b + ")";
        int c = equal ? a - b : b - a;
        String pred = "x^2" + (c >= 0 ? "+" : "") + c + "x-" + (a * b);
        return new Pair(gold, pred, equal || c == a - b, "expression");
    }

    private Pair equation(boolean equal) {
        int m = between(2, 9);
        int c = between(1, 20);
        String gold = "y = " + m + "x + " + c;
        String pred = equal ? m + "x - y = -" + c : m + "x + y = " + c;
        return new Pair(gold, pred, equal, "equation");
    }

    private Pair tuple(boolean equal) {
        int a = between(-9, 9);
        int b = between(10, 30);
        String gold = "(" + a + ", \\frac{" + b + "}{2})";
        String pred = equal ? "\\left(" + a + "," + (b / 2.0) + "\\right)" : "(" + (b / 2.0) + ", " + a + ")";
        return new Pair(gold, pred, equal || 2 * a == b, "tuple");
    }

    private Pair interval(boolean equal) {
        int a = between(-9, 0);
        int b = between(1, 9);
        String gold = "[" + a + ", " + b + ")";
        String pred = equal ? a + " \\le x < " + b : "[" + a + ", " + b + "]";
        return new Pair(gold, pred, equal, "interval");
    }

    private Pair set(boolean equal) {
        int a = between(1, 5);
        int b = between(6, 10);
        int c = between(11, 15);
        String gold = "\\{" + a + ", " + b + ", " + c + "\\}";
        String pred = equal ? "\\{" + c + "," + a + "," + b + "\\}" : "\\{" + a + ", " + b + "\\}";
        return new Pair(gold, pred, equal, "set");
    }

    private Pair matrix(boolean equal) {
        int a = between(0, 9);
        int b = between(10, 19);
        String gold = "\\begin{pmatrix} " + a + " & " + b + " \\\\ " + b + " & " + a + " \\end{pmatrix}";
        String pred = equal
                ? "\\begin{bmatrix}" + a + "&" + b + "\\\\" + b + "&" + a + "\\end{bmatrix}"
                : "\\begin{pmatrix} " + a + " & " + b + " \\\\ " + a + " & " + b + " \\end{pmatrix}";
        return new Pair(gold, pred, equal, "matrix");
    }

    private Pair choice(boolean equal) {
        char letter = (char) ('A' + between(0, 4));
        char other = (char) ('A' + (letter - 'A' + 1) % 5);
        return new Pair("\\text{(" + letter + ")}", equal ? String.valueOf(letter) : "(" + other + ")", equal, "choice");
    }

    private Pair text(boolean equal) {
        int d = between(0, 6);
        return new Pair("\\text{" + DAYS[d] + "}", equal ? DAYS[d].toLowerCase(Locale.ROOT) : DAYS[(d + 1) % 7], equal, "text");
    }

    private Pair approximation(boolean equal) {
        int q = new int[] {3, 7, 9, 11, 13}[between(0, 4)];
        int p = between(1, q - 1);
        double v = (double) p / q;
        String pred = equal ? String.format(Locale.ROOT, "%.5f", v) : String.format(Locale.ROOT, "%.2f", v);
        return new Pair("\\frac{" + p + "}{" + q + "}", pred, equal, "approximation");
    }
}
