package dev.reason4j.app.grade;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reason4j.app.Reason4j;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code kill -9} during {@code reason4j grade --file} on 10,000 pairs, then a rerun: every pair is graded exactly
 * once and the verdicts equal those of an uninterrupted run.
 */
class GradeResumeIT {

    private static final int PAIRS = 10_000;

    @TempDir
    Path dir;

    @Test
    void a_killed_grading_run_resumes_without_duplicates() throws Exception {
        Path pairs = dir.resolve("pairs.jsonl");
        writePairs(pairs);
        Path verdicts = dir.resolve("killed/verdicts.jsonl");
        Path db = dir.resolve("killed/verdicts.run/run.db");

        Process p = new ProcessBuilder(javaBinary(), "--enable-native-access=ALL-UNNAMED", "-cp",
                        System.getProperty("java.class.path"), Reason4j.class.getName(),
                        "grade", "--file", pairs.toString(), "--out", verdicts.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("killed.log").toFile())
                .start();
        long committed = waitForCommits(db, 300, p);
        p.destroyForcibly(); // SIGKILL
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        long afterKill = count(db);
        assertThat(afterKill).as("killed mid-way").isBetween(committed, (long) PAIRS - 1);
        assertThat(Files.exists(verdicts)).isFalse();

        String resumedOutput = grade(pairs, verdicts);
        String freshOutput = grade(pairs, dir.resolve("fresh/verdicts.jsonl"));

        assertThat(resumedOutput).contains("resuming").contains("graded " + String.format("%,d", PAIRS - afterKill) + " pairs");
        assertThat(freshOutput).doesNotContain("resuming");
        List<String> lines = Files.readAllLines(verdicts);
        ObjectMapper json = new ObjectMapper();
        List<Long> positions = new ArrayList<>();
        for (String line : lines) {
            positions.add(json.readTree(line).get("line").asLong());
        }
        assertThat(positions).hasSize(PAIRS).doesNotHaveDuplicates().isSorted();
        assertThat(count(db)).isEqualTo(PAIRS);
        assertThat(lines).isEqualTo(Files.readAllLines(dir.resolve("fresh/verdicts.jsonl")));
    }

    private static void writePairs(Path file) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<String> lines = new ArrayList<>();
        for (MixedGradePairs.Pair p : new MixedGradePairs(11).generate(PAIRS)) {
            lines.add(json.writeValueAsString(java.util.Map.of("gold", p.gold(), "pred", p.predicted())));
        }
        Files.write(file, lines);
    }

    private static String grade(Path pairs, Path verdicts) {
        StringWriter out = new StringWriter();
        CommandLine cli = Reason4j.commandLine();
        cli.setOut(new PrintWriter(out, true));
        int code = cli.execute("grade", "--file", pairs.toString(), "--out", verdicts.toString());
        assertThat(code).as(out.toString()).isZero();
        return out.toString();
    }

    private static long waitForCommits(Path db, long atLeast, Process p) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            assertThat(p.isAlive()).as("grading ended before it could be killed").isTrue();
            if (Files.exists(db)) {
                long n = count(db);
                if (n >= atLeast) {
                    return n;
                }
            }
            Thread.sleep(5);
        }
        throw new AssertionError("no commits within 120 s");
    }

    private static long count(Path db) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
                ResultSet rs = c.createStatement().executeQuery("SELECT count(*), count(DISTINCT key) FROM records")) {
            rs.next();
            assertThat(rs.getLong(1)).as("no duplicate keys").isEqualTo(rs.getLong(2));
            return rs.getLong(1);
        } catch (java.sql.SQLException notYetCreated) {
            return 0;
        }
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command().orElse("java");
    }
}
