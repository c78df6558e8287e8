package dev.reason4j.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reason4j.core.provenance.RunManifest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunStoreTest {

    @TempDir
    Path tmp;

    private static RunManifest job() {
        return RunManifest.builder("grade").config("tolerance", 1e-4).seed("sampling", 7).build();
    }

    private Path runDir() {
        return tmp.resolve("runs/r1");
    }

    @Test
    void should_create_the_run_directory_with_manifest_and_wal_database() throws Exception {
        RunManifest job = job();
        try (RunStore store = RunStore.open(runDir(), job)) {
            assertThat(store.resumed()).isFalse();
            assertThat(store.manifest()).isEqualTo(job);
            assertThat(store.count()).isZero();
            assertThat(RunManifest.fromJson(Files.readString(runDir().resolve("run.json")), "run.json")).isEqualTo(job);
            assertThat(pragma("journal_mode")).isEqualTo("wal");
        }
    }

    @Test
    void should_commit_records_and_ignore_a_second_put_of_a_key() {
        try (RunStore store = RunStore.open(runDir(), job())) {
            assertThat(store.put("p1", 1, "{\"equal\":true}")).isTrue();
            assertThat(store.put("p2", 2, "{\"equal\":false}")).isTrue();
            assertThat(store.put("p1", 9, "{\"equal\":false}")).isFalse();

            assertThat(store.count()).isEqualTo(2);
            assertThat(store.contains("p1")).isTrue();
            assertThat(store.contains("p3")).isFalse();
            assertThat(store.completedKeys()).containsExactlyInAnyOrder("p1", "p2");
            try (Stream<RunRecord> records = store.records()) {
                assertThat(records.toList()).containsExactly(
                        new RunRecord("p1", 1, "{\"equal\":true}"), new RunRecord("p2", 2, "{\"equal\":false}"));
            }
        }
    }

    @Test
    void should_resume_the_same_job_with_its_records() {
        RunManifest first = job();
        try (RunStore store = RunStore.open(runDir(), first)) {
            store.put("p1", 1, "1");
            store.put("p2", 2, "2");
        }
        RunManifest rerun = job(); // built later: other creation time, same job

        try (RunStore store = RunStore.open(runDir(), rerun)) {
            assertThat(store.resumed()).isTrue();
            assertThat(store.manifest().createdAt()).isEqualTo(first.createdAt());
            assertThat(store.completedKeys()).containsExactlyInAnyOrder("p1", "p2");
            for (int i = 1; i <= 4; i++) {
                if (!store.contains("p" + i)) {
                    store.put("p" + i, i, Integer.toString(i));
                }
            }
            assertThat(store.count()).isEqualTo(4);
        }
    }

    @Test
    void should_refuse_to_resume_a_different_job_and_say_what_differs() throws Exception {
        try (RunStore store = RunStore.open(runDir(), job())) {
            store.put("p1", 1, "1");
        }
        String manifestBefore = Files.readString(runDir().resolve("run.json"));
        RunManifest other = RunManifest.builder("grade").config("tolerance", 1e-3).seed("sampling", 8).build();

        assertThatThrownBy(() -> RunStore.open(runDir(), other))
                .isInstanceOf(RunMismatchException.class)
                .hasMessage("run directory " + runDir() + " already holds a different job, so it cannot be resumed:\n"
                        + "  - config 'tolerance': run has 1.0E-4, this job has 0.001\n"
                        + "  - seed 'sampling': run has 7, this job has 8\n"
                        + "Use a new run directory for this job (or delete " + runDir() + " to discard the old run).")
                .satisfies(e -> assertThat(((RunMismatchException) e).differences()).hasSize(2));
        assertThat(Files.readString(runDir().resolve("run.json"))).isEqualTo(manifestBefore);
        try (RunStore store = RunStore.open(runDir(), job())) { // the refusal released the directory
            assertThat(store.count()).isEqualTo(1);
        }
    }

    @Test
    void should_refuse_a_directory_that_is_not_a_run() throws Exception {
        Files.createDirectories(runDir());
        Files.writeString(runDir().resolve("notes.txt"), "mine");

        assertThatThrownBy(() -> RunStore.open(runDir(), job()))
                .isInstanceOf(RunStoreException.class)
                .hasMessage("cannot start a run in " + runDir() + ": it is not empty (notes.txt) and has no run.json; "
                        + "use a new or empty run directory");
        assertThat(runDir().resolve("run.json")).doesNotExist();
    }

    @Test
    void should_refuse_a_damaged_run_json_naming_it() throws Exception {
        RunStore.open(runDir(), job()).close();
        Files.writeString(runDir().resolve("run.json"), "{\"format\": \"reason4j-run/1\"}");

        assertThatThrownBy(() -> RunStore.open(runDir(), job()))
                .isInstanceOf(RunStoreException.class)
                .hasMessage("cannot resume the run in " + runDir() + ": " + runDir().resolve("run.json")
                        + ": field 'command' is missing");
    }

    @Test
    void should_refuse_a_second_open_of_a_run_in_use() {
        try (RunStore store = RunStore.open(runDir(), job())) {
            assertThatThrownBy(() -> RunStore.open(runDir(), job()))
                    .isInstanceOf(RunStoreException.class)
                    .hasMessage("run directory " + runDir() + " is already open in this process; close it first");
            assertThat(store.count()).isZero();
        }
    }

    @Test
    void should_refuse_a_store_written_by_a_newer_layout() throws Exception {
        RunStore.open(runDir(), job()).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + runDir().resolve("run.db"));
                Statement s = c.createStatement()) {
            s.execute("PRAGMA user_version = 2");
        }

        assertThatThrownBy(() -> RunStore.open(runDir(), job()))
                .isInstanceOf(RunStoreException.class)
                .hasMessage(runDir().resolve("run.db") + " has store layout 2 but this build reads up to 1; open it with a newer reason4j");
    }

    @Test
    void should_reject_payloads_that_are_not_one_line_of_json() {
        try (RunStore store = RunStore.open(runDir(), job())) {
            assertThatThrownBy(() -> store.put("p1", 1, "{\"a\":\n1}"))
                    .hasMessage("record 'p1': payload must be JSON on one line (line breaks inside strings are written \\n); write it compactly");
            assertThatThrownBy(() -> store.put("p1", 1, "{\"a\":")).hasMessageStartingWith("record 'p1': payload is not valid JSON: ");
            assertThatThrownBy(() -> store.put("p1", 1, "{} {}")).hasMessage("record 'p1': payload holds more than one JSON value");
            assertThatThrownBy(() -> store.put("p1", 1, " ")).hasMessage("record 'p1': payload is empty, expected a JSON value");
            assertThatThrownBy(() -> store.put("", 1, "{}")).hasMessage("record key must not be empty");
            assertThat(store.count()).isZero();
        }
    }

    @Test
    void should_commit_several_tables_together_or_not_at_all() throws Exception {
        try (RunStore store = RunStore.open(runDir(), job())) {
            store.inTransaction(tx -> {
                try (Statement s = tx.connection().createStatement()) {
                    s.execute("CREATE TABLE IF NOT EXISTS steps (key TEXT NOT NULL, idx INTEGER NOT NULL, text TEXT)");
                }
                return null;
            });
            store.inTransaction(tx -> {
                insertSteps(tx.connection(), "p1", 3);
                return tx.put("p1", 1, "{}");
            });

            assertThatThrownBy(() -> store.inTransaction(tx -> {
                        insertSteps(tx.connection(), "p2", 3);
                        tx.put("p2", 2, "{}");
                        throw new IllegalStateException("search failed");
                    }))
                    .hasMessage("search failed");
            assertThatThrownBy(() -> store.inTransaction(tx -> {
                        insertSteps(tx.connection(), "p3", 1);
                        tx.connection().createStatement().execute("INSERT INTO no_such_table VALUES (1)");
                        return tx.put("p3", 3, "{}");
                    }))
                    .isInstanceOf(RunStoreException.class)
                    .hasMessageContaining("no such table: no_such_table");

            assertThat(store.completedKeys()).containsExactly("p1");
            long steps = store.inTransaction(tx -> countSteps(tx.connection()));
            assertThat(steps).isEqualTo(3);
        }
    }

    @Test
    void should_not_nest_transactions() {
        try (RunStore store = RunStore.open(runDir(), job())) {
            assertThatThrownBy(() -> store.inTransaction(tx -> store.put("p1", 1, "{}")))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("transactions do not nest");
            assertThat(store.put("p1", 1, "{}")).isTrue();
        }
    }

    @Test
    void should_export_payloads_in_seq_order_replacing_the_old_file_whole() throws Exception {
        Path out = tmp.resolve("export/verdicts.jsonl");
        Files.createDirectories(out.getParent());
        Files.writeString(out, "stale\n");
        try (RunStore store = RunStore.open(runDir(), job())) {
            store.put("c", 3, "{\"n\":3}");
            store.put("a", 1, "{\"n\":1}");
            store.put("b2", 2, "{\"n\":22}");
            store.put("b1", 2, "{\"n\":21}");
            store.put("z", -5, "{\"n\":0}");

            assertThat(store.exportJsonl(out)).isEqualTo(5);
        }

        assertThat(Files.readAllLines(out)).containsExactly("{\"n\":0}", "{\"n\":1}", "{\"n\":21}", "{\"n\":22}", "{\"n\":3}");
        try (Stream<Path> files = Files.list(out.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("verdicts.jsonl");
        }
    }

    @Test
    void should_read_a_snapshot_while_writes_go_on() {
        try (RunStore store = RunStore.open(runDir(), job())) {
            store.put("p1", 1, "1");
            try (Stream<RunRecord> records = store.records()) {
                var it = records.iterator();
                store.put("p0", 0, "0");
                assertThat(it.next().key()).isEqualTo("p1");
                assertThat(it.hasNext()).isFalse();
            }
            assertThat(store.count()).isEqualTo(2);
        }
    }

    @Test
    void should_fail_clearly_once_closed() {
        RunStore store = RunStore.open(runDir(), job());
        store.close();
        store.close();

        assertThatThrownBy(() -> store.put("p1", 1, "{}")).hasMessage("run store " + runDir() + " is closed");
        assertThatThrownBy(store::count).isInstanceOf(IllegalStateException.class);
    }

    private static void insertSteps(Connection c, String key, int n) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO steps VALUES (?, ?, ?)")) {
            for (int i = 0; i < n; i++) {
                s.setString(1, key);
                s.setInt(2, i);
                s.setString(3, "step " + i);
                s.executeUpdate();
            }
        }
    }

    private static long countSteps(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM steps")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private String pragma(String name) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + runDir().resolve("run.db"));
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("PRAGMA " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
