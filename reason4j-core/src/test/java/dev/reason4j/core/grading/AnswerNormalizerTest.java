package dev.reason4j.core.grading;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AnswerNormalizerTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "$\\frac{1}{2}$ | \\frac{1}{2}",
        "\\boxed{\\dfrac{3}{4}} | \\frac{3}{4}",
        "\\left( 1, 2 \\right) | ( 1, 2 )",
        "1\\,000\\,000 | 1000000",
        "96,\\!569 | 96569",
        "335{,}670 | 335670",
        "58,500 | 58500",
        "(1,100) | (1,100)",
        "8,12 | 8,12",
        "3 \\sec \\frac{1}{2} \\theta | 3 \\sec \\frac{1}{2} \\theta",
        "2s | 2s",
        "5 s | 5",
        "10\\text{ inches} | 10",
        "22.1cm^{2} | 22.1",
        "\\text{Evelyn} | Evelyn",
        "\\text{(B)} | (B)",
        "55^\\circ | 55",
        "75\\% | 75%",
        "3.5. | 3.5",
        "43_5. | 43_5",
        "\\$18.90 | 18.90",
        "x \\ge 2 | x \\ge 2",
        "8r^2 \\ge s^2 | 8r^2 \\ge s^2",
        "2 \\text{ or } 3 | 2, 3",
        "\\approx 8.24 \\text{ mph} | 8.24",
        "\\begin{pmatrix} 1 \\\\ 2 \\end{pmatrix} | \\begin{pmatrix} 1 \\\\ 2 \\end{pmatrix}",
        "\\phantom{-}1 | 1",
    })
    void cleans_without_breaking_math(String raw, String expected) {
        assertThat(AnswerNormalizer.normalize(raw)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Monday | true",
        "a necessary but not a sufficient condition | true",
        "x | false",
        "2ab | false",
        "ab | false",
        "sin x | false",
        "IV | false",
        "CBAD | true",
    })
    void tells_words_from_math(String normalised, boolean text) {
        assertThat(AnswerNormalizer.isText(normalised)).isEqualTo(text);
    }
}
