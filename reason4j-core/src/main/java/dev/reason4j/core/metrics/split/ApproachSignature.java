package dev.reason4j.core.metrics.split;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A cheap stand-in for "which method does this solution use": the set of approach terms (from a fixed vocabulary
 * of solving techniques such as "substitution", "quadratic formula", "number line", "casework") that a text
 * mentions. Two rounds that mention the same techniques are taken to follow the same approach; a round that
 * mentions a technique no earlier round mentioned is taken to try something new.
 *
 * <p>Terms are regular expressions matched case-insensitively at the start of a word, so {@code factori} matches
 * "factoring" and "factorization". The vocabulary is configurable; the default favours techniques that name a
 * method, not a topic, because a verification of the same computation mentions the same topic words.
 */
public final class ApproachSignature {

    /** Solving techniques common in competition and school math, as word-start regular expressions. */
    public static final List<String> DEFAULT_TERMS = List.of(
            "substitut", "plug(?:ging)? (?:it |this |that |them )?(?:back|in)", "factori[sz]", "quadratic formula",
            "complet(?:e|ing) the square", "difference of squares", "vieta", "discriminant", "graph",
            "number line", "induction", "contradiction", "contrapositive", "modul[oa]", "congruen", "parity",
            "pigeonhole", "pythagor", "coordinate", "vector", "matri(?:x|ces)", "determinant", "derivative",
            "differentiat", "integra(?:l|t)", "symmetr", "casework", "case analysis", "complementary",
            "complement rule", "recurs", "generating function", "binomial", "stars and bars",
            "inclusion-exclusion", "permutation", "combination", "prime factori[sz]", "law of (?:co)?sines",
            "similar triangles", "trigonometr", "logarithm", "am-gm", "cauchy", "telescop", "geometric series",
            "arithmetic series", "arithmetic sequence", "geometric sequence", "expected value",
            "linearity of expectation", "shoelace", "heron", "angle bisector", "power of a point",
            "euclidean algorithm", "chinese remainder", "fermat", "de moivre", "polar form", "complex plane",
            "elimination", "cross[- ]multipl", "proportion", "unit rate", "place value", "long division",
            "column", "carry", "borrow", "finger", "count(?:ing)? (?:up|on|one by one)", "tally", "table",
            "diagram", "draw", "brute force", "enumerat", "list(?:ing)? (?:all|out|them)", "trial and error",
            "guess", "estimat", "approximat", "simulat", "dynamic programming", "dimensional analysis",
            "area model", "rationaliz");

    private final List<String> terms;
    /** For a case-folded letter: the terms that can match where a word starts with it, in vocabulary order. */
    private final Map<Integer, Alternation> byFirstLetter = new HashMap<>();
    /** The terms that do not start with a fixed letter: the only ones tried where no letter entry applies. */
    private final Alternation anyStart;
    private final int alternations;

    /** A signature over {@link #DEFAULT_TERMS}. */
    public ApproachSignature() {
        this(DEFAULT_TERMS);
    }

    /**
     * @param terms word-start regular expressions, one per technique
     * @throws IllegalArgumentException naming the term that is blank or not a valid regular expression
     */
    public ApproachSignature(List<String> terms) {
        this.terms = List.copyOf(Objects.requireNonNull(terms, "terms"));
        Map<Integer, List<Integer>> byLetter = new HashMap<>();
        List<Integer> unfixed = new ArrayList<>();
        for (int i = 0; i < this.terms.size(); i++) {
            String term = this.terms.get(i);
            if (term == null || term.isBlank()) {
                throw new IllegalArgumentException("approach terms must not be blank, got " + terms);
            }
            try {
                Pattern.compile(term);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("approach term '" + term + "' is not a regular expression: "
                        + e.getDescription(), e);
            }
            int letter = fixedFirstLetter(term);
            if (letter < 0) {
                unfixed.add(i);
            } else {
                byLetter.computeIfAbsent(letter, k -> new ArrayList<>()).add(i);
            }
        }
        int id = 0;
        this.anyStart = unfixed.isEmpty() ? null : new Alternation(this.terms, unfixed, id++);
        for (Map.Entry<Integer, List<Integer>> letter : byLetter.entrySet()) {
            List<Integer> candidates = new ArrayList<>(letter.getValue());
            candidates.addAll(unfixed);
            candidates.sort(null); // vocabulary order decides which term wins at one position, as in one alternation
            byFirstLetter.put(letter.getKey(), new Alternation(this.terms, candidates, id++));
        }
        this.alternations = id;
    }

    /** The vocabulary, in order; bit {@code i} of a signature stands for {@code terms().get(i)}. */
    public List<String> terms() {
        return terms;
    }

    /**
     * The terms {@code text} mentions, as bits indexing {@link #terms()}. Scans like one case-insensitive
     * alternation of all terms found left to right at positions not preceded by a letter or digit, but at each
     * such position tries only the terms that can start with the character there: about a tenth of them.
     */
    public BitSet of(String text) {
        BitSet found = new BitSet(terms.size());
        Matcher[] matchers = new Matcher[alternations];
        int n = text.length();
        int i = 0;
        while (i < n) {
            int cp = text.codePointAt(i);
            int width = Character.charCount(cp);
            Alternation candidates = i > 0 && isWordCharacter(text.codePointBefore(i))
                    ? null
                    : byFirstLetter.getOrDefault(fold(cp), anyStart);
            if (candidates != null) {
                Matcher m = matchers[candidates.id];
                if (m == null) {
                    m = matchers[candidates.id] = candidates.pattern.matcher(text)
                            .useTransparentBounds(true)
                            .useAnchoringBounds(false);
                }
                m.region(i, n);
                if (m.lookingAt()) {
                    found.set(candidates.termOf(m));
                    i = Math.max(m.end(), i + width);
                    continue;
                }
            }
            i += width;
        }
        return found;
    }

    /** What {@code (?<![\p{L}\p{N}])} looks for: a letter or any kind of number. */
    private static boolean isWordCharacter(int cp) {
        if (Character.isLetter(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
                || type == Character.OTHER_NUMBER;
    }

    /** One key for the characters a case-insensitive, Unicode-case pattern takes as equal (s, S and ſ). */
    private static int fold(int cp) {
        return Character.toLowerCase(Character.toUpperCase(cp));
    }

    /**
     * The folded letter every match of {@code term} starts with, or -1 when that cannot be told from its text: it
     * starts with something other than a letter, its first letter is optional or repeated from zero, or it has a
     * top-level {@code |}. Quoting ({@code \Q}) and nested character classes count as "cannot be told".
     */
    static int fixedFirstLetter(String term) {
        char first = term.charAt(0);
        if (!Character.isLetter(first) || Character.isSurrogate(first)
                || term.length() > 1 && "?*{".indexOf(term.charAt(1)) >= 0
                || term.contains("\\Q")) {
            return -1;
        }
        int depth = 0;
        boolean inClass = false;
        for (int i = 0; i < term.length(); i++) {
            char c = term.charAt(i);
            if (c == '\\') {
                i++;
            } else if (inClass) {
                if (c == '[') {
                    return -1;
                }
                inClass = c != ']';
            } else if (c == '[') {
                inClass = true;
                if (i + 1 < term.length() && (term.charAt(i + 1) == ']' || term.charAt(i + 1) == '^')) {
                    return -1; // a literal ']' or a negation right after '[': leave such classes to the slow path
                }
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '|' && depth == 0) {
                return -1;
            }
        }
        return fold(first);
    }

    /** Some terms as one case-insensitive alternation, each in its own capturing group. */
    private static final class Alternation {
        final Pattern pattern;
        final int id;
        /** The vocabulary index of each alternative. */
        private final int[] termOfAlternative;
        /** The capturing group of each alternative (terms may hold groups of their own). */
        private final int[] groupOfAlternative;

        Alternation(List<String> terms, List<Integer> indices, int id) {
            this.id = id;
            this.termOfAlternative = indices.stream().mapToInt(Integer::intValue).toArray();
            this.groupOfAlternative = new int[indices.size()];
            StringBuilder alternatives = new StringBuilder();
            int group = 1;
            for (int k = 0; k < indices.size(); k++) {
                String term = terms.get(indices.get(k));
                groupOfAlternative[k] = group;
                group += 1 + Pattern.compile(term).matcher("").groupCount();
                alternatives.append(k == 0 ? "" : "|").append('(').append(term).append(')');
            }
            this.pattern = Pattern.compile("(?:" + alternatives + ")", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        }

        int termOf(Matcher m) {
            for (int k = 0; k < groupOfAlternative.length; k++) {
                if (m.start(groupOfAlternative[k]) >= 0) {
                    return termOfAlternative[k];
                }
            }
            throw new IllegalStateException("no approach term matched '" + m.group() + "'");
        }
    }
}
