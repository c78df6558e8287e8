package dev.reason4j.core.metrics.split;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ApproachSignatureTest {

    @Test
    void finds_terms_at_word_starts_case_insensitively() {
        ApproachSignature s = new ApproachSignature(List.of("factori[sz]", "graph", "number line"));

        assertThat(s.of("Factorizing gives (x-1)(x-2); the Graph agrees.").stream().toArray()).containsExactly(0, 1);
        assertThat(s.of("a paragraph mentions no method").isEmpty()).isTrue();
        assertThat(s.of("on the Number Line").stream().toArray()).containsExactly(2);
    }

    @Test
    void terms_may_hold_groups_of_their_own() {
        ApproachSignature s = new ApproachSignature(List.of("law of (co)?sines", "(sub)(stitut)", "graph"));

        assertThat(s.of("then substitute and graph it").stream().toArray()).containsExactly(1, 2);
    }

    @Test
    void the_default_vocabulary_tells_a_new_method_from_a_recomputation() {
        ApproachSignature s = new ApproachSignature();

        assertThat(s.of("Using the quadratic formula, x = 2 or 3.")).isNotEqualTo(s.of("Factoring: (x-2)(x-3)."));
        assertThat(s.of("2 + 3 = 5.").isEmpty()).isTrue();
    }

    @Test
    void rejects_blank_and_invalid_terms_naming_them() {
        assertThatThrownBy(() -> new ApproachSignature(List.of("ok", " ")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("blank");
        assertThatThrownBy(() -> new ApproachSignature(List.of("bad(")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'bad('");
    }

    @Test
    void tells_which_terms_start_with_a_fixed_letter() {
        assertThat(ApproachSignature.fixedFirstLetter("Substitut")).isEqualTo('s');
        assertThat(ApproachSignature.fixedFirstLetter("law of (co)?sines")).isEqualTo('l');
        assertThat(ApproachSignature.fixedFirstLetter("a(b|c)")).isEqualTo('a');
        assertThat(ApproachSignature.fixedFirstLetter("a[|]b")).isEqualTo('a');
        assertThat(ApproachSignature.fixedFirstLetter("a\\|b")).isEqualTo('a');
        for (String unknown : List.of("x?ray", "x*", "x{0,2}y", "tan|cot", "(?:co)?sine", "[ab]ell", "-gm",
                "\\d+ ways", "a\\Q(\\E|b", "a[[b]]|c", "a[]|]")) {
            assertThat(ApproachSignature.fixedFirstLetter(unknown)).as(unknown).isEqualTo(-1);
        }
    }

    /** The signature tries few terms per position; it must find exactly what one alternation of all of them finds. */
    @Test
    void finds_exactly_what_one_alternation_of_all_terms_finds() {
        List<String> vocabulary = new ArrayList<>(ApproachSignature.DEFAULT_TERMS);
        vocabulary.addAll(List.of("x?ray", "(?:co)?sine", "tan|cot", "-gm", "[ab]ell", "\\d+ ways", "ſtep",
                "k+nots", "prime", "xr"));
        ApproachSignature signature = new ApproachSignature(vocabulary);
        List<String> words = List.of("substitution", "Plugging it back", "plug in", "quadratic formula", "x-ray",
                "ray", "xray", "cosine", "sine", "tan", "cot", "am-gm", "-gm", "bell", "cell", "STEP", "ſtep", "knots",
                "kknots", "3 ways", "prime factorization", "factorization", "Graphing", "3graph", "draw", "tally",
                "Casework", "the", "so", "is", "5", "x", "Σ", "é", "Table", "modulo", "mod", "vieta's", "complement rule");
        List<String> separators = List.of(" ", " ", "", "-", "\n", "(", ", ", "_");
        SplittableRandom random = new SplittableRandom(3);
        for (int t = 0; t < 3000; t++) {
            StringBuilder text = new StringBuilder();
            for (int w = random.nextInt(12); w >= 0; w--) {
                text.append(words.get(random.nextInt(words.size())))
                        .append(separators.get(random.nextInt(separators.size())));
            }
            assertThat(signature.of(text.toString())).as(text.toString()).isEqualTo(oneAlternation(vocabulary, text.toString()));
        }
    }

    /** The plain way: every term in one case-insensitive alternation after a no-letter-or-digit lookbehind. */
    private static BitSet oneAlternation(List<String> terms, String text) {
        StringBuilder alternatives = new StringBuilder();
        List<Integer> groups = new ArrayList<>();
        int group = 1;
        for (String term : terms) {
            groups.add(group);
            group += 1 + Pattern.compile(term).matcher("").groupCount();
            alternatives.append(alternatives.isEmpty() ? "" : "|").append('(').append(term).append(')');
        }
        Matcher m = Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + alternatives + ")",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(text);
        BitSet found = new BitSet();
        while (m.find()) {
            for (int i = 0; i < groups.size(); i++) {
                if (m.start(groups.get(i)) >= 0) {
                    found.set(i);
                    break;
                }
            }
        }
        return found;
    }
}
