package dev.reason4j.app.testbed;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reason4j.app.CliRun;
import dev.reason4j.core.provenance.RunManifest;
import dev.reason4j.torch.EngineOptions;
import dev.reason4j.torch.TorchEngine;
import dev.reason4j.torch.model.ModelConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code reason4j testbed sft-data} and {@code reason4j testbed init-model} end to end, as
 * {@code train-default-model.sh} chains them: world, tokenizer, SFT data, a fresh model, a few SFT steps, and the
 * trained model back in the engine.
 */
class TestbedModelCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final CliRun cli = new CliRun();

    private void ok(String... args) {
        assertThat(cli.run(args)).as(String.join(" ", args) + "\n" + cli.err()).isZero();
    }

    @Test
    void the_retraining_chain_should_give_a_model_the_engine_loads() throws Exception {
        Path world = dir.resolve("world");
        Path tokenizer = dir.resolve("tokenizer");
        Path init = dir.resolve("init");
        Path sft = dir.resolve("sft.jsonl");
        ok("testbed", "generate", "--out", world.toString(), "--seed", "2", "--train", "40", "--test", "8");
        ok("testbed", "tokenizer", "--data", world.resolve("train.jsonl").toString(), "--vocab", "400", "--out",
                tokenizer.toString());
        ok("testbed", "sft-data", "--data", world.resolve("train.jsonl").toString(), "--out", sft.toString());
        assertThat(cli.out()).contains("wrote 40 code/overthinking examples");
        ok("testbed", "init-model", "--tokenizer", tokenizer.toString(), "--out", init.toString(), "--layers", "1",
                "--hidden", "32", "--heads", "2", "--kv-heads", "2", "--intermediate", "64", "--context", "1024",
                "--seed", "4");

        // embedding 400x32 (tied); one layer: 2 norms, q/k/v/o 32x32, q/k/v biases, MLP 3x32x64; final norm
        assertThat(cli.out()).contains(String.format("%,d parameters", 400 * 32 + 2 * 32 + 4 * 32 * 32 + 3 * 32
                + 3 * 32 * 64 + 32)).contains("end of sequence [0, 2]");
        ModelConfig config = ModelConfig.read(init.resolve("config.json"));
        assertThat(config.vocabSize()).isEqualTo(400);
        assertThat(config.tieWordEmbeddings()).isTrue();
        assertThat(config.storedDtype()).isEqualTo("bfloat16");
        RunManifest manifest = RunManifest.fromJson(Files.readString(init.resolve("run.json")), "run.json");
        assertThat(manifest.seeds()).containsEntry("init", 4L);
        assertThat(manifest.config()).containsEntry("hidden", 32L);

        Path trained = dir.resolve("trained");
        ok("train", "sft", "--model", init.toString(), "--data", sft.toString(), "--out", trained.toString(),
                "--threads", "1", "--max-steps", "2", "--batch-size", "2", "--lr", "1e-3", "--checkpoint-every", "0",
                "--eval-fraction", "0");
        JsonNode generation = JSON.readTree(trained.resolve("generation_config.json").toFile());
        assertThat(generation.get("eos_token_id").toString()).isEqualTo("[0,2]");
        assertThat(ModelConfig.read(trained.resolve("config.json"))).isEqualTo(config);
        try (TorchEngine engine = TorchEngine.load(trained, EngineOptions.builder().threads(1).build())) {
            assertThat(engine.eosTokenIds()).containsExactlyInAnyOrder(0, 2);
            float[] logits = engine.nextTokenLogits(new int[] {3, 40, 41, 42});
            assertThat(logits).hasSize(400);
            for (float logit : logits) {
                assertThat(Float.isFinite(logit)).isTrue();
            }
        }
    }

    @Test
    void bad_options_should_fail_with_one_clear_line() throws Exception {
        Path tokenizer = dir.resolve("tokenizer");
        Files.createDirectories(tokenizer);
        assertThat(cli.run("testbed", "init-model", "--tokenizer", tokenizer.toString(), "--out", dir.resolve("m").toString()))
                .isEqualTo(2);
        assertThat(cli.err()).contains("tokenizer.json").contains("missing");
        assertThat(cli.run("testbed", "init-model", "--tokenizer", tokenizer.toString(), "--out", dir.toString(), "--hidden",
                "100", "--heads", "3")).isEqualTo(2);
        assertThat(cli.err()).contains("--heads must divide --hidden 100, was 3");
        assertThat(cli.run("testbed", "sft-data", "--data", dir.resolve("none.jsonl").toString(), "--out",
                dir.resolve("x.jsonl").toString())).isEqualTo(2);
        assertThat(cli.err()).contains("none.jsonl: no such file");
        Files.writeString(dir.resolve("w.jsonl"), "{\"id\": \"a\", \"question\": \"q\", \"answer\": \"1\"}\n");
        for (List<String> style : List.of(List.of("--style", "terse"), List.of("--protocol", "lean"))) {
            String[] args = List.of("testbed", "sft-data", "--data", dir.resolve("w.jsonl").toString(), "--out",
                    dir.resolve("x.jsonl").toString(), style.get(0), style.get(1)).toArray(String[]::new);
            assertThat(cli.run(args)).isEqualTo(2);
            assertThat(cli.err()).contains("'" + style.get(1) + "'");
        }
    }
}
