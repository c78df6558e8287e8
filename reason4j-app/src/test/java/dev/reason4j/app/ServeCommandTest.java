package dev.reason4j.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reason4j.lm.LmFixtures;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The command-line checks of {@code reason4j serve} that happen before anything is loaded or bound. */
class ServeCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = Reason4j.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    @Test
    void should_refuse_a_public_bind_without_an_api_key() {
        int code = run("serve", "--model", LmFixtures.checkpoint(LmFixtures.QWEN2_F32).toString(), "--host", "0.0.0.0", "--port", "0");

        assertThat(code).isEqualTo(UserErrors.USER_ERROR);
        assertThat(err.toString()).contains("reason4j serve: refusing to listen on 0.0.0.0 without an API key");
    }

    @Test
    void should_name_a_missing_model_directory_and_need_exactly_one_source() {
        assertThat(run("serve", "--model", "/no/such/model", "--port", "0")).isEqualTo(UserErrors.USER_ERROR);
        assertThat(err.toString()).contains("--model /no/such/model is not a directory");

        assertThat(run("serve", "--port", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("Missing required argument");
        assertThat(run("serve", "--model", "a", "--upstream", "http://x/v1")).isEqualTo(2);
        assertThat(err.toString()).contains("mutually exclusive");
    }
}
