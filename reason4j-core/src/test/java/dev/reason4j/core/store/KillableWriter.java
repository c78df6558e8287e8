package dev.reason4j.core.store;

import dev.reason4j.core.provenance.Hashing;
import dev.reason4j.core.provenance.RunManifest;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Set;

/**
 * A child process for {@link RunStoreKillTest}: writes records {@code k0..k(n-1)} (each with three rows in a side
 * table, in one transaction), skipping those already committed, and prints {@code committed <key>} after each
 * commit. The test kills it with SIGKILL part-way.
 */
public final class KillableWriter {

    static final int STEPS_PER_RECORD = 3;
    private static final String PADDING = ".".repeat(200);

    private KillableWriter() {}

    static RunManifest manifest(int n) {
        return RunManifest.builder("kill-test").config("n", n).seed("order", 1).build();
    }

    static String payload(int i) {
        return "{\"key\":\"k" + i + "\",\"i\":" + i + ",\"check\":\"" + Hashing.sha256("k" + i) + "\"}";
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int n = Integer.parseInt(args[1]);
        try (RunStore store = RunStore.open(dir, manifest(n))) {
            store.inTransaction(tx -> {
                try (Statement s = tx.connection().createStatement()) {
                    s.execute("CREATE TABLE IF NOT EXISTS steps (key TEXT NOT NULL, idx INTEGER NOT NULL, text TEXT NOT NULL)");
                }
                return null;
            });
            Set<String> done = store.completedKeys();
            for (int i = 0; i < n; i++) {
                String key = "k" + i;
                if (done.contains(key)) {
                    continue;
                }
                int index = i;
                store.inTransaction(tx -> {
                    try (PreparedStatement s = tx.connection().prepareStatement("INSERT INTO steps VALUES (?, ?, ?)")) {
                        for (int step = 0; step < STEPS_PER_RECORD; step++) {
                            s.setString(1, key);
                            s.setInt(2, step);
                            s.setString(3, "step " + step + " of " + key);
                            s.executeUpdate();
                        }
                    }
                    return tx.put(key, index, payload(index));
                });
                // padded so that the pipe to the test holds few lines: a blocked writer cannot run far ahead of the kill
                System.out.println("committed " + key + " " + PADDING);
            }
        }
        System.out.println("finished");
    }
}
