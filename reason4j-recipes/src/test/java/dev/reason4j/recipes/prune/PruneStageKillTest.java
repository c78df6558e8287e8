package dev.reason4j.recipes.prune;

import static dev.reason4j.recipes.HandSplit.single;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reason4j.core.metrics.AnalyzedResponse;
import dev.reason4j.core.store.RunStore;
import dev.reason4j.recipes.HandSplit;
import dev.reason4j.recipes.StageProgress;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a process running a recipe stage with SIGKILL part-way, then lets a second one finish: the data sets must be
 * those of an uninterrupted run, every problem once.
 */
class PruneStageKillTest {

    private static final int PROBLEMS = 1_200;
    private static final int KILL_AFTER = 150;

    @TempDir
    Path tmp;

    @Test
    @Timeout(value = 180, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void should_resume_after_kill_minus_9_with_no_problem_lost_or_duplicated() throws Exception {
        List<AnalyzedResponse> lines = new ArrayList<>();
        for (int p = 0; p < PROBLEMS; p++) {
            for (int s = 0; s < 4; s++) {
                lines.add(single("p" + p, s, 50 + 37 * s + p % 13, (p + s) % 3 != 0));
            }
        }
        Path input = HandSplit.write(tmp.resolve("responses.jsonl"), lines);
        Path killed = tmp.resolve("killed");

        Process child = start(input, killed);
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            int committed = 0;
            for (String line = out.readLine(); line != null && committed < KILL_AFTER; line = out.readLine()) {
                committed += line.startsWith("committed") ? 1 : 0;
            }
            assertThat(committed).isEqualTo(KILL_AFTER);
            child.destroyForcibly().waitFor();
        }
        try (RunStore store = RunStore.open(killed, KillableStage.stage().manifest(input))) {
            assertThat(store.count()).as("the kill came part-way").isBetween((long) KILL_AFTER, PROBLEMS - 1L);
        }
        Process second = start(input, killed);
        String output = new String(second.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(second.waitFor()).as(output.substring(Math.max(0, output.length() - 2000))).isZero();
        assertThat(output).endsWith("finished\n");

        Path whole = tmp.resolve("whole");
        KillableStage.stage().run(input, whole, StageProgress.NONE);
        for (String file : List.of("lh_weights.jsonl", "sft_two_shortest.jsonl", "dpo_shortest_longest.jsonl")) {
            assertThat(Files.readString(killed.resolve(file))).as(file).isEqualTo(Files.readString(whole.resolve(file)));
        }
        assertThat(Files.readAllLines(killed.resolve("lh_weights.jsonl"))).hasSize(3 * PROBLEMS).doesNotHaveDuplicates();
    }

    private static Process start(Path input, Path run) throws Exception {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), KillableStage.class.getName(),
                input.toString(), run.toString())
                .redirectErrorStream(true)
                .start();
    }
}
