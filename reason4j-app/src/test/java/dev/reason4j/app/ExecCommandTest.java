package dev.reason4j.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExecCommandTest {

    @TempDir
    Path dir;

    private final CliRun cli = new CliRun();

    @BeforeAll
    static void requirePython() throws Exception {
        boolean present;
        try {
            Process p = new ProcessBuilder("python3", "-c", "pass").start();
            present = p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            present = false;
        }
        assumeTrue(present, "python3 is not installed");
    }

    private Path snippet(String code) throws IOException {
        return Files.writeString(dir.resolve("snippet.py"), code);
    }

    @Test
    void prints_the_result_as_json_with_status_stdout_and_structured_error() throws IOException {
        Path file = snippet("print(2 ** 10)\nraise ValueError('bad value')\n");

        int code = cli.run("exec", "--file", file.toString(), "--json", "--sandbox", "process");

        JsonNode json = new ObjectMapper().readTree(cli.out());
        assertThat(code).isEqualTo(1);
        assertThat(json.get("status").asText()).isEqualTo("error");
        assertThat(json.get("stdout").asText()).isEqualTo("1024\n");
        assertThat(json.get("error").get("type").asText()).isEqualTo("ValueError");
        assertThat(json.get("error").get("message").asText()).isEqualTo("bad value");
        assertThat(json.get("error").get("line").asInt()).isEqualTo(2);
        assertThat(json.get("sandbox").asText()).isEqualTo("process");
    }

    @Test
    void exits_zero_and_prints_plain_output_for_a_snippet_that_runs() throws IOException {
        Path file = snippet("print('hello')\n");

        int code = cli.run("exec", "--file", file.toString());

        assertThat(code).isZero();
        assertThat(cli.out()).isEqualTo("hello\n");
        assertThat(cli.err()).startsWith("status: ok");
    }

    @Test
    void reports_a_timeout_with_its_status() throws IOException {
        Path file = snippet("while True:\n    pass\n");

        int code = cli.run("exec", "--file", file.toString(), "--timeout", "0.5", "--json");

        assertThat(code).isEqualTo(1);
        assertThat(cli.out()).contains("\"status\":\"timeout\"");
    }

    @Test
    void rejects_a_missing_file_and_a_bad_sandbox_mode_with_clear_messages() throws IOException {
        assertThat(cli.run("exec", "--file", dir.resolve("nope.py").toString())).isEqualTo(2);
        assertThat(cli.err()).contains("nope.py does not exist");
        assertThat(cli.run("exec", "--file", snippet("pass").toString(), "--sandbox", "chroot")).isEqualTo(2);
        assertThat(cli.err()).contains("--sandbox must be auto, bubblewrap or process, got 'chroot'");
    }
}
