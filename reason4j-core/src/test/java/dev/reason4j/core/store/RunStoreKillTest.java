package dev.reason4j.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a writing process with SIGKILL ({@code destroyForcibly}) part-way, twice, then lets a third finish: every
 * record reported committed must survive, each exactly once, with its side-table rows, and none half-written.
 */
class RunStoreKillTest {

    private static final int N = 4_000;
    private static final int KILL_AFTER = 300;

    @TempDir
    Path tmp;

    @Test
    @Timeout(value = 180, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void should_keep_every_committed_record_exactly_once_across_kill_minus_9() throws Exception {
        Path dir = tmp.resolve("run");
        Set<String> reported = new HashSet<>();

        for (int round = 0; round < 2; round++) {
            Child child = Child.start(dir);
            int before = reported.size();
            reported.addAll(child.readCommittedThenKill(KILL_AFTER));
            assertThat(reported.size()).as("round %d: new commits read before the kill", round).isEqualTo(before + KILL_AFTER);
            long stored = verify(dir, reported);
            assertThat(stored).isLessThan(N); // the kill came part-way
        }

        Child last = Child.start(dir);
        List<String> output = last.readToEnd();
        assertThat(last.process.waitFor()).as("exit code, output: %s", tail(output)).isZero();
        assertThat(output).contains("finished");

        assertThat(verify(dir, reported)).isEqualTo(N);
        try (RunStore store = RunStore.open(dir, KillableWriter.manifest(N))) {
            Path out = tmp.resolve("all.jsonl");
            assertThat(store.exportJsonl(out)).isEqualTo(N);
            assertThat(Files.readAllLines(out))
                    .isEqualTo(IntStream.range(0, N).mapToObj(KillableWriter::payload).toList());
        }
    }

    /** Checks the store after a kill; returns how many records it holds. */
    private static long verify(Path dir, Set<String> reported) {
        try (RunStore store = RunStore.open(dir, KillableWriter.manifest(N))) {
            Set<String> keys = store.completedKeys();
            assertThat(keys).as("every record reported committed survives").containsAll(reported);
            assertThat(store.count()).as("no duplicate rows").isEqualTo(keys.size());
            int count = keys.size();
            List<RunRecord> expected = IntStream.range(0, count) // the writer goes in order: survivors are a prefix
                    .mapToObj(i -> new RunRecord("k" + i, i, KillableWriter.payload(i)))
                    .toList();
            try (Stream<RunRecord> records = store.records()) {
                assertThat(records.toList()).as("records intact, in order").isEqualTo(expected);
            }
            long[] steps = store.inTransaction(tx -> {
                try (Statement s = tx.connection().createStatement();
                        ResultSet rs = s.executeQuery("SELECT COUNT(*), "
                                + "(SELECT COUNT(*) FROM steps WHERE key NOT IN (SELECT key FROM records)), "
                                + "(SELECT COUNT(*) FROM (SELECT key FROM steps GROUP BY key HAVING COUNT(*) <> "
                                + KillableWriter.STEPS_PER_RECORD + ")) FROM steps")) {
                    rs.next();
                    return new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)};
                }
            });
            assertThat(steps[0]).as("side-table rows").isEqualTo(count * KillableWriter.STEPS_PER_RECORD);
            assertThat(steps[1]).as("side-table rows without their record").isZero();
            assertThat(steps[2]).as("records with a wrong number of side-table rows").isZero();
            return count;
        }
    }

    private static String tail(List<String> lines) {
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    }

    private record Child(Process process, BufferedReader out) {

        static Child start(Path dir) throws IOException {
            String java = ProcessHandle.current().info().command()
                    .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                            KillableWriter.class.getName(), dir.toString(), Integer.toString(N))
                    .redirectErrorStream(true)
                    .start();
            return new Child(p, new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)));
        }

        /**
         * Reads until {@code atLeast} commits are reported, then kills the process. Lines it printed after those
         * are lost with the pipe ({@code destroyForcibly} closes it), so only the commits read are returned.
         */
        Set<String> readCommittedThenKill(int atLeast) throws IOException, InterruptedException {
            Set<String> committed = new HashSet<>();
            List<String> other = new ArrayList<>();
            String line;
            while (committed.size() < atLeast && (line = out.readLine()) != null) {
                collect(line, committed, other);
            }
            assertThat(committed).as("child output before the kill: %s", other).hasSize(atLeast);
            process.destroyForcibly();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as("killed by SIGKILL").isEqualTo(128 + 9);
            return committed;
        }

        List<String> readToEnd() throws IOException {
            List<String> lines = new ArrayList<>();
            for (String line; (line = out.readLine()) != null; ) {
                lines.add(line);
            }
            return lines;
        }

        private static void collect(String line, Set<String> committed, List<String> other) {
            if (line.startsWith("committed ")) {
                committed.add(line.split(" ")[1]);
            } else {
                other.add(line);
            }
        }
    }
}
