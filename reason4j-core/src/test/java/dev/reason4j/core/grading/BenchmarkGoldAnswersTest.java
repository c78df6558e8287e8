package dev.reason4j.core.grading;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reason4j.core.dataset.BenchmarkFiles;
import dev.reason4j.core.dataset.Dataset;
import dev.reason4j.core.dataset.Datasets;
import dev.reason4j.core.dataset.Problem;
import dev.reason4j.core.grading.expr.Expr;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every gold answer of the public benchmarks parses, and equals itself in the forms models write it in. */
class BenchmarkGoldAnswersTest {

    private static final MathGrader GRADER = MathGrader.withDefaults();

    @ParameterizedTest
    @ValueSource(strings = {
        "gsm8k_test.jsonl", "gsm8k_train.jsonl", "math500_test.jsonl", "math_train7500_answers.jsonl",
        "aime24_test.jsonl", "amc23_test.jsonl", "gaokao2023en_test.jsonl"
    })
    void gold_answers_parse_and_equal_themselves(String name) {
        Dataset data = Datasets.load(BenchmarkFiles.file(name));
        List<String> failures = new ArrayList<>();
        int words = 0;
        for (Problem p : data.problems()) {
            if (p.answer().isBlank()) {
                continue; // four public gold answers are empty; nothing can equal them
            }
            ParsedAnswer parsed = GRADER.parse(p.answer());
            if (parsed.parseError() != null) {
                failures.add(p.id() + " does not parse: " + p.answer() + " (" + parsed.parseError() + ")");
            }
            words += parsed.expr() instanceof Expr.Text ? 1 : 0;
            for (String written : List.of(p.answer(), "$" + p.answer() + "$", "\\boxed{" + p.answer() + "}")) {
                Verdict v = GRADER.grade(p.answer(), written);
                if (!v.equal()) {
                    failures.add(p.id() + " is not equal to " + written + ": " + v.reason());
                }
            }
        }

        assertThat(failures).isEmpty();
        assertThat(words).as("answers read as words rather than math").isLessThanOrEqualTo(data.size() / 100 + 5);
    }

    @ParameterizedTest
    @ValueSource(strings = {"math500_test.jsonl", "gaokao2023en_test.jsonl"})
    void different_gold_answers_are_not_equal(String name) {
        List<Problem> problems = Datasets.load(BenchmarkFiles.file(name)).problems().stream()
                .filter(p -> !p.answer().isBlank())
                .toList();
        List<String> collisions = new ArrayList<>();
        for (int i = 0; i + 1 < problems.size(); i++) {
            String a = problems.get(i).answer();
            String b = problems.get(i + 1).answer();
            boolean sameValue = GRADER.parse(a).normalized().equals(GRADER.parse(b).normalized());
            if (!sameValue && GRADER.grade(a, b).equal()) {
                collisions.add(a + " = " + b + ": " + GRADER.grade(a, b).reason());
            }
        }

        assertThat(collisions).as("neighbouring gold answers judged equal").hasSizeLessThanOrEqualTo(problems.size() / 50);
    }
}
