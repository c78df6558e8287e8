package dev.reason4j.torch.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reason4j.lm.ContinuationScore;
import dev.reason4j.lm.LmFixtures;
import dev.reason4j.lm.Prompt;
import dev.reason4j.lm.train.Adaptation;
import dev.reason4j.lm.train.Objective;
import dev.reason4j.lm.train.TrainingConfig;
import dev.reason4j.lm.train.TrainingListener;
import dev.reason4j.torch.DeviceChoice;
import dev.reason4j.torch.EngineOptions;
import dev.reason4j.torch.TorchLanguageModel;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trained checkpoints are read correctly by a reader that is not ours: {@code hf_numpy_forward.py} parses
 * safetensors and config.json with Python and numpy alone and runs the transformers forward pass. It is first
 * checked against the fixtures' transformers outputs, then it must agree with our engine on models our trainer
 * saved (LoRA merged; last layers only). Skipped where python3 has no numpy.
 */
class ExportedCheckpointNumpyIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int[] SEQUENCE = {12, 40, 77, 5, 230, 18, 99, 3, 150};
    private static Path script;

    @TempDir
    Path tmp;

    @BeforeAll
    static void pythonWithNumpy(@TempDir Path dir) throws Exception {
        Process check = new ProcessBuilder("python3", "-c", "import numpy").redirectErrorStream(true).start();
        assumeThat(check.waitFor(60, TimeUnit.SECONDS) && check.exitValue() == 0)
                .as("python3 with numpy is needed for the independent reader").isTrue();
        script = dir.resolve("hf_numpy_forward.py");
        try (InputStream in = ExportedCheckpointNumpyIT.class.getResourceAsStream("hf_numpy_forward.py")) {
            Files.copy(in, script);
        }
    }

    @Test
    void the_independent_reader_matches_transformers_on_the_fixtures() throws Exception {
        for (String name : List.of(LmFixtures.QWEN2_F32, LmFixtures.QWEN2_BF16, LmFixtures.LLAMA_F32)) {
            Path dir = LmFixtures.checkpoint(name);
            JsonNode reference = JSON.readTree(dir.resolve("reference_outputs.json").toFile()).get("cases").get(0);
            int[] ids = JSON.convertValue(reference.get("input_ids"), int[].class);
            JsonNode ours = numpy(dir, ids);
            double[] expected = JSON.convertValue(reference.get("last_logits"), double[].class);
            double[] actual = JSON.convertValue(ours.get("last_logits"), double[].class);
            assertThat(maxDiff(actual, expected)).as(name).isLessThan(1e-4);
        }
    }

    @Test
    void a_lora_merged_model_reads_the_same_in_python() throws Exception {
        checkTrained(LmFixtures.QWEN2_F32, Adaptation.lora(4, 8));
    }

    @Test
    void a_last_layers_model_reads_the_same_in_python() throws Exception {
        checkTrained(LmFixtures.LLAMA_F32, Adaptation.lastLayers(1));
    }

    private void checkTrained(String fixture, Adaptation adaptation) throws Exception {
        Path base = LmFixtures.checkpoint(fixture);
        Path out = tmp.resolve(fixture + "-trained");
        TrainingConfig config = TrainingConfig.builder(Objective.SFT, out)
                .learningRate(5e-2).maxSteps(6).warmupSteps(0).seed(3).adaptation(adaptation).build();
        try (TorchTrainer trainer = TorchTrainer.open(base, DeviceChoice.CPU, 1)) {
            trainer.train(config, TinyTask.examples(Objective.SFT, 6, 11), new TrainingListener() {});
        }
        double[] before = ours(base);
        double[] after = ours(out);
        assertThat(maxDiff(before, after)).as("training changed the model").isGreaterThan(1e-3);
        double[] python = JSON.convertValue(numpy(out, SEQUENCE).get("next_token_logprobs"), double[].class);
        assertThat(maxDiff(python, after)).as("numpy reader vs our engine on the saved model").isLessThan(1e-4);
    }

    /** Our engine's log-probabilities of SEQUENCE[1..] each given the tokens before it. */
    private static double[] ours(Path dir) {
        try (TorchLanguageModel model = TorchLanguageModel.builder().modelDir(dir)
                .options(EngineOptions.builder().threads(1).prefixCacheBytes(0).build()).build()) {
            ContinuationScore score = model.score(Prompt.tokens(SEQUENCE[0]),
                    Prompt.tokens(Arrays.copyOfRange(SEQUENCE, 1, SEQUENCE.length)));
            return score.logprobs().stream().mapToDouble(Double::doubleValue).toArray();
        }
    }

    private static JsonNode numpy(Path dir, int[] ids) throws IOException, InterruptedException {
        String sequences = "[[" + IntStream.of(ids).mapToObj(Integer::toString).collect(Collectors.joining(",")) + "]]";
        Process p = new ProcessBuilder("python3", script.toString(), dir.toString(), sequences).start();
        byte[] stdout = p.getInputStream().readAllBytes();
        String stderr = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(stderr).isZero();
        return JSON.readTree(stdout).get(0);
    }

    private static double maxDiff(double[] a, double[] b) {
        assertThat(a).hasSameSizeAs(b);
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }
}
