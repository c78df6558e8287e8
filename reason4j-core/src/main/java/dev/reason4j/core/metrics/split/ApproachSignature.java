package dev.reason4j.core.metrics.split;

import java.util.BitSet;
import java.util.List;
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
    private final Pattern pattern;
    /** The capturing group of each term in {@link #pattern} (terms may hold groups of their own). */
    private final int[] groupOfTerm;

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
        this.groupOfTerm = new int[this.terms.size()];
        StringBuilder alternatives = new StringBuilder();
        int group = 1;
        for (int i = 0; i < this.terms.size(); i++) {
            String term = this.terms.get(i);
            if (term == null || term.isBlank()) {
                throw new IllegalArgumentException("approach terms must not be blank, got " + terms);
            }
            int ownGroups;
            try {
                ownGroups = Pattern.compile(term).matcher("").groupCount();
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("approach term '" + term + "' is not a regular expression: "
                        + e.getDescription(), e);
            }
            groupOfTerm[i] = group;
            group += 1 + ownGroups;
            alternatives.append(alternatives.isEmpty() ? "" : "|").append('(').append(term).append(')');
        }
        this.pattern = this.terms.isEmpty()
                ? Pattern.compile("(?!)")
                : Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + alternatives + ")",
                        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /** The vocabulary, in order; bit {@code i} of a signature stands for {@code terms().get(i)}. */
    public List<String> terms() {
        return terms;
    }

    /** The terms {@code text} mentions, as bits indexing {@link #terms()}. */
    public BitSet of(String text) {
        BitSet found = new BitSet(terms.size());
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            found.set(matchedTerm(m));
        }
        return found;
    }

    private int matchedTerm(Matcher m) {
        for (int term = 0; term < groupOfTerm.length; term++) {
            if (m.start(groupOfTerm[term]) >= 0) {
                return term;
            }
        }
        throw new IllegalStateException("no approach term matched '" + m.group() + "'");
    }
}
