package dev.reason4j.torch.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reason4j.lm.train.StepMetrics;
import dev.reason4j.lm.train.TrainingListener;
import dev.reason4j.lm.train.TrainingPlan;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.bytedeco.pytorch.global.torch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Kills a training JVM with SIGKILL after its second checkpoint, resumes in this JVM, and compares with an
 * uninterrupted run of the same configuration: the resumed run starts at the latest checkpoint, every step after it
 * has the uninterrupted run's loss (same weights, optimizer state and data order: one thread, so bit-identical), and
 * the final models are the same bytes.
 */
class TrainingResumeIT {

    @TempDir
    Path tmp;

    @BeforeAll
    static void oneThread() {
        torch.set_num_threads(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"full", "lora"})
    @Timeout(value = 300, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void kill_minus_9_then_resume_continues_from_the_last_checkpoint_with_the_same_data_order(String adaptation)
            throws Exception {
        Map<Long, Double> reference = new TreeMap<>();
        ResumeChild.train(tmp.resolve("reference"), adaptation, 0, recorder(reference, new ArrayList<>()));
        assertThat(reference).hasSize(ResumeChild.STEPS);

        Path out = tmp.resolve("killed");
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Process child = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path"), ResumeChild.class.getName(), out.toString(), adaptation, "150")
                .redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null; ) {
                lines.add(line);
                if (line.equals("checkpoint 10")) {
                    break;
                }
            }
            assertThat(lines).as("child output").contains("checkpoint 10");
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(child.exitValue()).as("killed by SIGKILL").isEqualTo(128 + 9);
        for (String line : lines) {
            if (line.startsWith("step ")) {
                String[] parts = line.split(" ");
                assertThat(Double.parseDouble(parts[2])).as("killed run, %s", line)
                        .isEqualTo(reference.get(Long.parseLong(parts[1])));
            }
        }
        long latest = latestCheckpoint(out);
        assertThat(latest).isBetween(10L, (long) ResumeChild.STEPS - 1);

        Map<Long, Double> resumed = new TreeMap<>();
        List<TrainingPlan> plans = new ArrayList<>();
        ResumeChild.train(out, adaptation, 0, recorder(resumed, plans));
        assertThat(plans).singleElement().satisfies(p -> assertThat(p.startStep()).isEqualTo(latest));
        assertThat(resumed.keySet()).first().isEqualTo(latest + 1);
        resumed.forEach((step, loss) -> assertThat(loss).as("step %d after resuming", step).isEqualTo(reference.get(step)));
        assertThat(Files.readAllBytes(out.resolve("model.safetensors")))
                .isEqualTo(Files.readAllBytes(tmp.resolve("reference").resolve("model.safetensors")));

        // a finished run is not trained again
        Map<Long, Double> again = new TreeMap<>();
        ResumeChild.train(out, adaptation, 0, recorder(again, new ArrayList<>()));
        assertThat(again).isEmpty();
    }

    private static TrainingListener recorder(Map<Long, Double> losses, List<TrainingPlan> plans) {
        return new TrainingListener() {
            @Override
            public void onStart(TrainingPlan plan) {
                plans.add(plan);
            }

            @Override
            public void onStep(StepMetrics metrics) {
                losses.put(metrics.step(), metrics.loss());
            }
        };
    }

    private static long latestCheckpoint(Path out) throws Exception {
        try (Stream<Path> dirs = Files.list(out.resolve("checkpoints"))) {
            return dirs.map(p -> p.getFileName().toString()).filter(n -> n.matches("step-\\d+"))
                    .mapToLong(n -> Long.parseLong(n.substring(5))).max().orElseThrow();
        }
    }
}
