package dev.reason4j.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApproximateTokenCounterTest {

    private final ApproximateTokenCounter counter = new ApproximateTokenCounter();

    @Test
    void counts_words_digits_symbols_and_line_breaks_by_its_rules() {
        assertThat(counter.count("")).isZero();
        assertThat(counter.count("the answer is")).isEqualTo(3);
        assertThat(counter.count("12345")).isEqualTo(5);
        assertThat(counter.count("x = 12.")).isEqualTo(5); // x, =, 1, 2, .
        assertThat(counter.count("\\frac{1}{2}")).isEqualTo(8); // \ frac { 1 } { 2 }
        assertThat(counter.count("**bold**")).isEqualTo(3); // ** bold **
        assertThat(counter.count("one\n\ntwo")).isEqualTo(3);
        assertThat(counter.count("a  b")).isEqualTo(3); // a, two blanks, b
        assertThat(counter.count("数学题")).isEqualTo(3);
    }

    @Test
    void long_words_cost_one_token_more_for_every_six_letters_beyond_eight() {
        assertThat(counter.count("abcdefgh")).isEqualTo(1);
        assertThat(counter.count("abcdefghi")).isEqualTo(2);
        assertThat(counter.count("abcdefghijklmn")).isEqualTo(2);
        assertThat(counter.count("abcdefghijklmno")).isEqualTo(3);
    }

    @Test
    void is_labelled_approximate_and_nearly_additive() {
        String a = "Let me double-check: 5 - 3 = 2, so the answer is 5.\n\n";
        String b = "Alternatively, on a number line the answer is 5.";

        assertThat(counter.name()).isEqualTo("approximate");
        assertThat(counter.approximate()).isTrue();
        assertThat(counter.count(a + b)).isBetween(counter.count(a) + counter.count(b) - 1, counter.count(a) + counter.count(b));
    }
}
