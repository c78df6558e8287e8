package dev.reason4j.app.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reason4j.app.Reason4j;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code reason4j bench train} on the tiny fixture: one rate per objective, each a positive number. */
class TrainBenchCommandTest {

    @Test
    void prints_a_positive_tokens_per_second_rate_for_sft_dpo_and_ppm() {
        System.setProperty("ai.djl.offline", "true");
        StringWriter out = new StringWriter();
        CommandLine cli = Reason4j.commandLine();
        cli.setOut(new PrintWriter(out));

        int code = cli.execute("bench", "train", "--model", TrainCommandTest.FIXTURE.toString(), "--steps", "1",
                "--warmup", "1", "--batch-size", "1", "--prompt-tokens", "8", "--reply-tokens", "8", "--threads", "1");

        assertThat(code).isZero();
        assertThat(out.toString()).contains("CUDA ");
        for (String objective : List.of("sft", "dpo", "ppm")) {
            Matcher rate = Pattern.compile("on cpu: " + objective + " ([0-9,]+) tokens/s").matcher(out.toString());
            assertThat(rate.find()).as(objective + " in\n" + out).isTrue();
            assertThat(Long.parseLong(rate.group(1).replace(",", ""))).isPositive();
        }
    }
}
