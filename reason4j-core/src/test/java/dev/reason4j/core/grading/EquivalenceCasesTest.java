package dev.reason4j.core.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The grader's case table ({@code equivalence-cases.tsv}): every category of answer, and the traps of current
 * graders (units eating {@code \sec}, percent rules, loose tolerances, ordered tuples treated as sets, thin spaces).
 */
class EquivalenceCasesTest {

    private static final MathGrader GRADER = MathGrader.withDefaults();

    /** {@code equalSwapped} differs from {@code equal} only for "=>" rows, where the gold is a rounded decimal. */
    record Case(boolean equal, boolean equalSwapped, String gold, String predicted, String category, String why, int line) {
        @Override
        public String toString() {
            return "line " + line + " [" + category + "] " + gold + (equal ? " = " : " != ") + predicted + " (" + why + ")";
        }
    }

    static List<Case> cases() throws IOException {
        try (InputStream in = EquivalenceCasesTest.class.getResourceAsStream("equivalence-cases.tsv")) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            List<Case> out = new java.util.ArrayList<>();
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].isBlank() || lines[i].startsWith("#")) {
                    continue;
                }
                String[] f = lines[i].split("\t", -1);
                if (f.length != 5 || !List.of("=", "!=", "=>").contains(f[0])) {
                    throw new IllegalStateException("equivalence-cases.tsv line " + (i + 1) + ": bad row " + Arrays.toString(f));
                }
                out.add(new Case(!f[0].equals("!="), f[0].equals("="), f[1], f[2], f[3], f[4], i + 1));
            }
            return out;
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void grades_as_expected(Case c) {
        Verdict v = GRADER.grade(c.gold(), c.predicted());

        assertThat(v.equal()).as("%s → %s", c, v).isEqualTo(c.equal());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void holds_with_gold_and_prediction_swapped(Case c) {
        Verdict v = GRADER.grade(c.predicted(), c.gold());

        assertThat(v.equal()).as("swapped %s → %s", c, v).isEqualTo(c.equalSwapped());
    }

    @Test
    void table_covers_every_category_with_both_outcomes_overall() throws IOException {
        List<Case> all = cases();
        Map<String, Long> perCategory = all.stream()
                .collect(Collectors.groupingBy(Case::category, TreeMap::new, Collectors.counting()));

        assertThat(all).hasSizeGreaterThanOrEqualTo(200);
        assertThat(perCategory.keySet()).contains(
                "integer", "decimal", "fraction", "mixed", "root", "pi", "degree", "percent", "equation",
                "expression", "tuple", "set", "interval", "matrix", "list", "text", "choice", "unit", "thinspace",
                "thousands", "base", "complex", "relation", "trap");
        assertThat(all.stream().filter(c -> !c.equal()).count()).isGreaterThanOrEqualTo(50);
    }
}
