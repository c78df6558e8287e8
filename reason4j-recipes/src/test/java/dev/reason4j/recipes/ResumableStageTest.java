package dev.reason4j.recipes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reason4j.core.provenance.RunManifest;
import dev.reason4j.core.store.RunStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Units committed one transaction each, a failed run resumed without loss or duplicates, data sets written whole. */
class ResumableStageTest {

    @TempDir
    Path tmp;

    private final ObjectMapper mapper = new ObjectMapper();
    private final RunManifest job = RunManifest.builder("test-stage").config("k", 1).build();

    private static List<ResumableStage.Unit<Integer>> units(int n) {
        List<ResumableStage.Unit<Integer>> units = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            units.add(new ResumableStage.Unit<>("u" + i, i));
        }
        return units;
    }

    /** Unit i gives i SFT records and the stats {count: i, even: i is even}. */
    private UnitResult work(int i) {
        List<TrainingRecord> records = new ArrayList<>();
        for (int j = 0; j < i; j++) {
            records.add(new SftRecord("u" + i, "q", "p", "c" + i + "." + j, "s"));
        }
        return new UnitResult(Map.of("sft", records), mapper.createObjectNode().put("count", i).put("even", i % 2 == 0));
    }

    private final class Recorder implements StageProgress {
        final List<String> events = new ArrayList<>();

        @Override
        public void start(String stage, long total, long alreadyDone) {
            events.add("start " + total + "/" + alreadyDone);
        }

        @Override
        public void step() {
            events.add("step");
        }

        @Override
        public void finish() {
            events.add("finish");
        }
    }

    @Test
    void should_resume_after_a_failure_without_losing_or_duplicating_a_unit() throws Exception {
        Path run = tmp.resolve("run");
        Recorder first = new Recorder();
        try (RunStore store = RunStore.open(run, job)) {
            assertThatThrownBy(() -> ResumableStage.run(store, "s", units(5), i -> {
                if (i == 3) {
                    throw new IllegalStateException("killed at unit 3");
                }
                return work(i);
            }, first, mapper)).hasMessage("killed at unit 3");
            assertThat(store.completedKeys()).containsExactlyInAnyOrder("u0", "u1", "u2");
        }
        assertThat(first.events).containsExactly("start 5/0", "step", "step", "step", "finish");

        Recorder second = new Recorder();
        try (RunStore store = RunStore.open(run, job)) {
            ResumableStage.Counts counts = ResumableStage.run(store, "s", units(5), this::work, second, mapper);
            Map<String, Long> written = DataSetFiles.write(store, run, List.of("sft"), mapper);

            assertThat(counts).isEqualTo(new ResumableStage.Counts(5, 3, 2));
            assertThat(store.count()).isEqualTo(5);
            assertThat(written).containsEntry("sft", 10L);
            assertThat(DataSetFiles.totals(store, mapper)).containsEntry("units", 5.0).containsEntry("count", 10.0)
                    .containsEntry("even", 3.0);
        }
        assertThat(second.events).containsExactly("start 5/3", "step", "step", "finish");
        List<String> lines = Files.readAllLines(run.resolve("sft.jsonl"));
        assertThat(lines).hasSize(10).doesNotHaveDuplicates();
        assertThat(lines.get(0)).contains("\"completion\":\"c1.0\"");
        assertThat(lines.get(9)).contains("\"completion\":\"c4.3\"");
    }

    @Test
    void should_refuse_two_units_with_one_key() {
        try (RunStore store = RunStore.open(tmp.resolve("run"), job)) {
            List<ResumableStage.Unit<Integer>> twice = List.of(new ResumableStage.Unit<>("p", 1), new ResumableStage.Unit<>("p", 2));

            assertThatThrownBy(() -> ResumableStage.run(store, "s", twice, this::work, StageProgress.NONE, mapper))
                    .hasMessage("two units of work share the key 'p'");
        }
    }

    @Test
    void should_leave_the_target_untouched_when_a_file_is_not_committed() throws Exception {
        Path target = Files.writeString(tmp.resolve("data.jsonl"), "old\n");

        try (JsonlOutput out = JsonlOutput.open(target, mapper)) {
            out.write(mapper.createObjectNode().put("a", 1));
        }

        assertThat(Files.readString(target)).isEqualTo("old\n");
        try (Stream<Path> files = Files.list(tmp)) {
            assertThat(files).containsExactly(target);
        }
        try (JsonlOutput out = JsonlOutput.open(target, mapper)) {
            out.write(mapper.createObjectNode().put("a", 1));
            out.commit();
        }
        assertThat(Files.readString(target)).isEqualTo("{\"a\":1}\n");
    }
}
