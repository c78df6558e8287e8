package dev.reason4j.app.testbed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reason4j.app.CliRun;
import dev.reason4j.core.dataset.Dataset;
import dev.reason4j.core.dataset.DatasetFormat;
import dev.reason4j.core.dataset.Datasets;
import dev.reason4j.core.provenance.RunManifest;
import dev.reason4j.lm.hf.HfTokenizer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code reason4j testbed generate} and {@code reason4j testbed tokenizer} end to end. */
class TestbedCommandTest {

    @TempDir
    Path dir;

    private final CliRun cli = new CliRun();

    private Path generate(Path world, String seed) {
        int code = cli.run("testbed", "generate", "--out", world.toString(), "--seed", seed, "--train", "60", "--test", "20",
                "--tiers", "2-5");
        assertThat(code).as(cli.err()).isZero();
        return world;
    }

    @Test
    void generate_should_write_loadable_splits_and_the_run_manifest() throws Exception {
        Path world = generate(dir.resolve("world"), "3");

        Dataset train = Datasets.load(world.resolve("train.jsonl"), DatasetFormat.jsonl("question", "answer", "id"));
        Dataset test = Datasets.load(world.resolve("test.jsonl"), DatasetFormat.jsonl("question", "answer", "id"));
        assertThat(train.problems()).hasSize(60);
        assertThat(test.problems()).hasSize(20);
        assertThat(test.problems()).extracting(p -> p.meta().get("difficulty")).containsOnly("2", "3", "4", "5");
        RunManifest manifest = RunManifest.fromJson(Files.readString(world.resolve("run.json")), "run.json");
        assertThat(manifest.command()).isEqualTo("testbed generate");
        assertThat(manifest.seeds()).containsEntry("world", 3L);
        assertThat(manifest.config()).containsEntry("tiers", "2-5");
        assertThat(cli.out()).contains("tier").contains("wrote");
    }

    @Test
    void the_same_seed_should_write_the_same_files() throws Exception {
        Path first = generate(dir.resolve("a"), "9");
        Path second = generate(dir.resolve("b"), "9");

        assertThat(Files.readString(second.resolve("train.jsonl"))).isEqualTo(Files.readString(first.resolve("train.jsonl")));
        assertThat(Files.readString(second.resolve("test.jsonl"))).isEqualTo(Files.readString(first.resolve("test.jsonl")));
    }

    @Test
    void tokenizer_should_train_on_generated_problems_and_load_as_a_hugging_face_tokenizer() {
        Path world = generate(dir.resolve("world"), "5");
        Path tokenizerDir = dir.resolve("tokenizer");

        int code = cli.run("testbed", "tokenizer", "--data", world.resolve("train.jsonl").toString(), "--vocab", "400", "--out",
                tokenizerDir.toString());

        assertThat(code).as(cli.err()).isZero();
        assertThat(cli.out()).contains("400 tokens (10 special, 256 bytes").contains("bytes per token");
        assertThat(tokenizerDir.resolve("run.json")).exists();
        try (HfTokenizer tokenizer = HfTokenizer.load(tokenizerDir)) {
            assertThat(tokenizer.encode("<end_of_step>")).hasSize(1);
            assertThat(tokenizer.hasChatTemplate()).isTrue();
        }
    }

    @Test
    void bad_options_should_fail_with_one_clear_line() {
        assertThat(cli.run("testbed", "generate", "--out", dir.toString(), "--tiers", "0-9")).isEqualTo(2);
        assertThat(cli.err()).contains("tiers must lie within 1-8").contains("0-9");
        assertThat(cli.run("testbed", "tokenizer", "--data", dir.resolve("missing.jsonl").toString(), "--out", dir.toString()))
                .isEqualTo(2);
        assertThat(cli.err()).contains("missing.jsonl: no such file");
        assertThat(cli.run("testbed", "generate", "--out", dir.toString(), "--train", "-5")).isEqualTo(2);
        assertThat(cli.err()).contains("train must be in [0,");
    }
}
