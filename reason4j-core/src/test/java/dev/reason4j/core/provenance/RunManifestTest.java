package dev.reason4j.core.provenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunManifestTest {

    private enum Mode { FAST }

    @TempDir
    Path dir;

    private RunManifest.Builder grade() {
        return RunManifest.builder("grade")
                .config("tolerance", 1e-4)
                .config("maxTokens", 512)
                .config("mode", Mode.FAST)
                .config("budget", Duration.ofSeconds(2))
                .config("fields", List.of("gold", "pred"))
                .config("nested", Map.of("a", 1, "b", List.of(true, "x")))
                .config("limit", null)
                .seed("sampling", 42);
    }

    @Test
    void should_fill_build_platform_and_time() {
        Instant before = Instant.now();
        RunManifest m = grade().build();

        assertThat(m.build()).isEqualTo(BuildInfo.current());
        assertThat(m.platform()).isEqualTo(Platform.current());
        assertThat(m.platform().javaVersion()).isEqualTo(System.getProperty("java.runtime.version"));
        assertThat(m.platform().arch()).isEqualTo(System.getProperty("os.arch"));
        assertThat(m.createdAt()).isBetween(before, Instant.now());
        assertThat(m.config()).containsEntry("mode", "FAST").containsEntry("budget", "PT2S").containsEntry("maxTokens", 512L);
    }

    @Test
    void should_round_trip_through_json() throws Exception {
        Path input = Files.writeString(dir.resolve("pairs.jsonl"), "{}\n");
        RunManifest m = grade().config("exact", new BigDecimal("0.1")).input(input).build();

        RunManifest back = RunManifest.fromJson(m.toJson(), "run.json");

        assertThat(back.command()).isEqualTo("grade");
        assertThat(back.seeds()).isEqualTo(Map.of("sampling", 42L));
        assertThat(back.inputs()).isEqualTo(m.inputs());
        assertThat(back.build()).isEqualTo(m.build());
        assertThat(back.platform()).isEqualTo(m.platform());
        assertThat(back.createdAt()).isEqualTo(m.createdAt());
        assertThat(back.config()).containsEntry("maxTokens", 512L).containsEntry("tolerance", 1e-4).containsEntry("limit", null);
        assertThat(back.differencesFrom(m)).isEmpty();
        assertThat(m.sameJobAs(back)).isTrue();
        assertThat(m.toJson()).contains("\"format\" : \"reason4j-run/1\"").contains("\n  \"command\" : \"grade\"");
    }

    @Test
    void should_list_every_difference_of_job_but_not_of_build_or_time() throws Exception {
        Path a = Files.writeString(dir.resolve("a.jsonl"), "a");
        Path b = Files.writeString(dir.resolve("b.jsonl"), "b");
        RunManifest run = grade().input(a).build();
        RunManifest sameJobLater = new RunManifest(run.command(), run.config(), run.seeds(), run.inputs(),
                new BuildInfo("9.9", "abc", true), run.platform(), run.createdAt().plusSeconds(60));

        RunManifest other = RunManifest.builder("eval")
                .config("tolerance", 1e-3)
                .config("maxTokens", 512)
                .config("mode", "FAST")
                .config("budget", "PT2S")
                .config("fields", List.of("gold", "pred"))
                .config("nested", Map.of("b", List.of(true, "x"), "a", 1))
                .config("extra", true)
                .seed("sampling", 43)
                .input(b)
                .input(a)
                .build();

        assertThat(run.differencesFrom(sameJobLater)).isEmpty();
        assertThat(run.differencesFrom(other)).containsExactly(
                "command: run has 'grade', this job has 'eval'",
                "config 'tolerance': run has 1.0E-4, this job has 0.001",
                "config 'limit': run has null, this job has (absent)",
                "config 'extra': run has (absent), this job has true",
                "seed 'sampling': run has 42, this job has 43",
                "inputs: run has 1 file(s), this job has 2",
                "input 1: run has a.jsonl (sha256 ca978112ca1b…, 1 bytes), this job has b.jsonl (sha256 3e23e8160039…, 1 bytes)");
    }

    @Test
    void should_reject_config_values_that_json_cannot_hold() {
        assertThatThrownBy(() -> RunManifest.builder("grade").config("model", new Object()).build())
                .hasMessage("config.model: a value of type java.lang.Object cannot be recorded in run.json; "
                        + "use a string, number, boolean, list or map");
        assertThatThrownBy(() -> RunManifest.builder("grade").config("t", List.of(1.0, Double.NaN)).build())
                .hasMessage("config.t[1]: NaN cannot be written as JSON; use a string");
        assertThatThrownBy(() -> RunManifest.builder(" ").build()).hasMessage("command must not be blank");
    }

    @Test
    void should_name_the_field_of_a_damaged_run_json() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode json = (ObjectNode) mapper.readTree(grade().build().toJson());
        json.remove("seeds");
        ObjectNode wrongType = (ObjectNode) mapper.readTree(grade().build().toJson());
        wrongType.put("createdAt", 5);
        ObjectNode newer = (ObjectNode) mapper.readTree(grade().build().toJson());
        newer.put("format", "reason4j-run/2");

        assertThatThrownBy(() -> RunManifest.fromJson(json.toString(), "x/run.json")).hasMessage("x/run.json: field 'seeds' is missing");
        assertThatThrownBy(() -> RunManifest.fromJson(wrongType.toString(), "x/run.json"))
                .hasMessage("x/run.json: field 'createdAt' must be a string");
        assertThatThrownBy(() -> RunManifest.fromJson(newer.toString(), "x/run.json"))
                .hasMessage("x/run.json: field 'format' is 'reason4j-run/2', this build reads 'reason4j-run/1'");
        assertThatThrownBy(() -> RunManifest.fromJson("{\"format\": ", "x/run.json")).hasMessageStartingWith("x/run.json: not valid JSON");
    }
}
