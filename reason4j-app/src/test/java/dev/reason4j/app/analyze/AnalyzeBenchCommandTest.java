package dev.reason4j.app.analyze;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reason4j.app.Reason4j;
import dev.reason4j.core.grading.MathGrader;
import dev.reason4j.core.metrics.ApproximateTokenCounter;
import dev.reason4j.core.metrics.ResponseAnalysis;
import dev.reason4j.core.metrics.ResponseAnalyzer;
import dev.reason4j.core.metrics.ResponseInput;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The benchmark's synthetic responses are what it claims, and the command prints its rates (never timed here). */
class AnalyzeBenchCommandTest {

    @Test
    void synthetic_responses_are_long_deterministic_and_split_into_the_rounds_they_were_built_from() {
        List<SyntheticResponses.Synthetic> set = new SyntheticResponses(5).generate(300);
        ResponseAnalyzer analyzer = AnalysisSettings.defaults().analyzer(MathGrader.withDefaults(),
                new ApproximateTokenCounter());

        assertThat(set).allSatisfy(s -> {
            assertThat(s.paragraphs()).isGreaterThanOrEqualTo(SyntheticResponses.MIN_PARAGRAPHS);
            assertThat(s.response().split("\n\n")).hasSize(s.paragraphs());
            ResponseAnalysis a = analyzer.analyze(ResponseInput.of(s.problem(), s.gold(), s.response()));
            assertThat(a.solutionCount()).as(s.response()).isEqualTo(s.rounds());
        });
        assertThat(set).extracting(SyntheticResponses.Synthetic::rounds).contains(1, 2, 3, 4, 5, 6);
        assertThat(set.stream().filter(s -> s.response().contains("Alternatively")).count()).isPositive();
        assertThat(new SyntheticResponses(5).generate(3)).isEqualTo(set.subList(0, 3));
    }

    @Test
    void prints_split_only_and_analysis_rates() {
        StringWriter out = new StringWriter();
        CommandLine cli = Reason4j.commandLine();
        cli.setOut(new PrintWriter(out, true));

        int code = cli.execute("bench", "analyze", "--responses", "200", "--warmup-seconds", "0", "--threads", "2",
                "--end-to-end");

        assertThat(code).isZero();
        assertThat(out.toString())
                .contains("200 synthetic responses")
                .containsPattern("split only, 1 thread: +[\\d,]+ responses/s")
                .containsPattern("analysis, 1 thread: +[\\d,]+ responses/s")
                .containsPattern("analysis, 2 threads: +[\\d,]+ responses/s")
                .contains("splitter found the rounds built in 100.0% of responses")
                .containsPattern("reason4j analyze end to end .*responses/s");
    }
}
