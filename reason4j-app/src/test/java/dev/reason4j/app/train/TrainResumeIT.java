package dev.reason4j.app.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reason4j.app.Reason4j;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} during {@code reason4j train sft}, then the same command again: it resumes from the last checkpoint,
 * {@code metrics.jsonl} holds every step exactly once, and the losses equal those of an uninterrupted run (same data
 * order, restored optimizer state).
 */
class TrainResumeIT {

    private static final int STEPS = 120;

    @TempDir
    Path dir;

    @BeforeAll
    static void offline() {
        System.setProperty("ai.djl.offline", "true");
    }

    @Test
    void a_killed_training_run_resumes_from_its_last_checkpoint_without_duplicate_metrics() throws Exception {
        StringBuilder lines = new StringBuilder();
        for (int i = 1; i <= 6; i++) {
            lines.append(String.format("{\"prompt\": \"What is %d + %d?\", \"completion\": \" %d\"}%n", i, 2 * i, 3 * i));
        }
        Path data = Files.writeString(dir.resolve("sft.jsonl"), lines);
        Path killed = dir.resolve("killed");
        List<String> args = List.of("train", "sft", "--model", TrainCommandTest.FIXTURE.toString(), "--data",
                data.toString(), "--max-steps", String.valueOf(STEPS), "--checkpoint-every", "10", "--lr", "1e-3",
                "--seed", "3", "--out");

        List<String> command = new ArrayList<>(List.of(javaBinary(), "--enable-native-access=ALL-UNNAMED",
                "-Dai.djl.offline=true", "-cp", System.getProperty("java.class.path"), Reason4j.class.getName()));
        command.addAll(args);
        command.addAll(List.of(killed.toString(), "--device", "cpu", "--threads", "1")); // as TrainCommandTest.train
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("killed.log").toFile()).start();
        waitForRows(killed.resolve(MetricsLog.FILE), 25, p);
        p.destroyForcibly(); // SIGKILL
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        long rowsAtKill = lineCount(killed.resolve(MetricsLog.FILE));
        assertThat(rowsAtKill).as("killed mid-way").isBetween(25L, STEPS - 1L);
        long checkpoint = rowsAtKill / 10 * 10;

        TrainCommandTest.Run resumed = TrainCommandTest.train(withOut(args, killed));
        TrainCommandTest.Run fresh = TrainCommandTest.train(withOut(args, dir.resolve("fresh")));

        assertThat(resumed.code()).as(resumed.err()).isZero();
        assertThat(resumed.out()).contains("resuming from the checkpoint at step " + checkpoint)
                .contains("trained sft: " + STEPS + " steps (resumed at step " + checkpoint + ")");
        assertThat(fresh.out()).doesNotContain("resuming");
        List<JsonNode> resumedRows = TrainCommandTest.rows(killed);
        List<JsonNode> freshRows = TrainCommandTest.rows(dir.resolve("fresh"));
        assertThat(resumedRows).extracting(r -> r.get("step").asLong())
                .containsExactlyElementsOf(LongStream.rangeClosed(1, STEPS).boxed().toList());
        for (int i = 0; i < STEPS; i++) {
            assertThat(resumedRows.get(i).get("loss").asDouble()).as("loss at step " + (i + 1))
                    .isCloseTo(freshRows.get(i).get("loss").asDouble(), within(1e-5));
            assertThat(resumedRows.get(i).get("tokens").asLong()).isEqualTo(freshRows.get(i).get("tokens").asLong());
        }
    }

    private static String[] withOut(List<String> args, Path out) {
        List<String> all = new ArrayList<>(args.subList(1, args.size()));
        all.add(out.toString());
        return all.toArray(String[]::new);
    }

    private static void waitForRows(Path metrics, long atLeast, Process p) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            assertThat(p.isAlive()).as("training ended before it could be killed").isTrue();
            if (Files.exists(metrics) && lineCount(metrics) >= atLeast) {
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no " + atLeast + " metrics rows within 120 s");
    }

    private static long lineCount(Path file) throws Exception {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.filter(l -> l.endsWith("}")).count();
        }
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command().orElse("java");
    }
}
