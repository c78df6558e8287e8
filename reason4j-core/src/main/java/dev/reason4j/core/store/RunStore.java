package dev.reason4j.core.store;

import dev.reason4j.core.provenance.RunManifest;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.sqlite.SQLiteConfig;

/**
 * The durable results of one run: a directory holding {@code run.json} (the {@link RunManifest}) and a SQLite
 * database {@code run.db} in which each unit of work's record is committed in its own transaction.
 *
 * <p>Resuming: {@link #open} on an existing directory checks that it holds the same job and reopens it;
 * {@link #completedKeys()} then tells the command what to skip. A record is keyed by a unique string: a second
 * {@link #put} of a committed key is <b>ignored</b> (returns false, the first record stays), so a resumed command
 * that redoes a unit of work cannot duplicate it. Ignoring rather than failing keeps resumption idempotent; the
 * work that produced a key is assumed deterministic for a given manifest.
 *
 * <p>Crash safety: the database runs in WAL mode; a commit has reached the WAL file when {@code put} returns, so a
 * process killed at any moment (even {@code kill -9}) loses at most the transaction in flight, and reopening
 * rolls that back. The directory is locked while open, so two processes never write one run.
 *
 * <p>Payloads are single-line JSON values so that {@link #exportJsonl} can write them one per line. A store is
 * safe for use by several threads; writes are serialised.
 */
public final class RunStore implements AutoCloseable {

    /** Layout version kept in SQLite's {@code user_version}; bump when the schema changes. */
    static final int SCHEMA_VERSION = 1;

    private static final String INSERT =
            "INSERT INTO records(key, seq, payload) VALUES (?, ?, ?) ON CONFLICT(key) DO NOTHING";

    private final RunDirectory directory;
    private final Connection connection;
    private final PreparedStatement insert;
    private final Statement control;
    private final ReentrantLock lock = new ReentrantLock();
    private final Transaction transaction = new OpenTransaction();
    private boolean inTransaction;
    private boolean closed;

    private RunStore(RunDirectory directory, Connection connection) throws SQLException {
        this.directory = directory;
        this.connection = connection;
        this.insert = connection.prepareStatement(INSERT);
        this.control = connection.createStatement();
    }

    /**
     * Creates the run directory for {@code job}, or reopens it when it already holds the same job.
     *
     * @throws RunMismatchException if the directory holds a different job (command, config, seeds or input hashes)
     * @throws RunStoreException if the directory is in use, is not a run directory, or cannot be read or written
     */
    public static RunStore open(Path dir, RunManifest job) {
        RunDirectory directory;
        try {
            directory = RunDirectory.claim(dir, job);
        } catch (IOException e) {
            throw new RunStoreException("cannot open run directory " + dir + ": " + e.getMessage(), e);
        }
        Connection connection = null;
        try {
            connection = connect(directory.databaseFile(), false);
            createSchema(connection, directory.databaseFile());
            return new RunStore(directory, connection);
        } catch (SQLException | RuntimeException e) {
            closeQuietly(connection, e);
            try {
                directory.close();
            } catch (IOException closing) {
                e.addSuppressed(closing);
            }
            if (e instanceof RunStoreException r) {
                throw r;
            }
            throw new RunStoreException("cannot open " + directory.databaseFile() + ": " + e.getMessage(), e);
        }
    }

    /**
     * WAL with synchronous=NORMAL: a commit appends to the WAL file with write() before returning, so the data
     * sits in the operating system's page cache and survives the death of this process at any instant; only an
     * OS crash or power loss may roll back the last few commits, and never corrupts the database. FULL would add
     * an fsync per problem for protection this tool does not need.
     */
    private static Connection connect(Path db, boolean readOnly) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(10_000);
        if (readOnly) {
            config.setReadOnly(true);
        } else {
            config.setJournalMode(SQLiteConfig.JournalMode.WAL);
            config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
            config.enforceForeignKeys(true);
        }
        return config.createConnection("jdbc:sqlite:" + db.toAbsolutePath());
    }

    private static void createSchema(Connection c, Path db) throws SQLException {
        try (Statement s = c.createStatement()) {
            int version;
            try (ResultSet rs = s.executeQuery("PRAGMA user_version")) {
                version = rs.next() ? rs.getInt(1) : 0;
            }
            if (version > SCHEMA_VERSION) {
                throw new RunStoreException(db + " has store layout " + version + " but this build reads up to "
                        + SCHEMA_VERSION + "; open it with a newer reason4j");
            }
            s.execute("BEGIN IMMEDIATE");
            try {
                s.executeUpdate("CREATE TABLE IF NOT EXISTS records ("
                        + "key TEXT NOT NULL PRIMARY KEY, seq INTEGER NOT NULL, payload TEXT NOT NULL) STRICT");
                s.executeUpdate("CREATE INDEX IF NOT EXISTS records_by_seq ON records(seq, key)");
                s.executeUpdate("PRAGMA user_version = " + SCHEMA_VERSION);
                s.execute("COMMIT");
            } catch (SQLException | RuntimeException e) {
                s.execute("ROLLBACK");
                throw e;
            }
        }
    }

    /** The run's manifest: the stored one (with its original creation time) when the run was resumed. */
    public RunManifest manifest() {
        return directory.manifest();
    }

    /** Whether {@link #open} found an existing run rather than creating one. */
    public boolean resumed() {
        return directory.resumed();
    }

    /** The run directory. */
    public Path dir() {
        return directory.dir();
    }

    /**
     * Commits one record in its own transaction.
     *
     * @param key the unit of work, non-empty
     * @param seq the record's position in exports
     * @param jsonPayload one JSON value on one line
     * @return true if the record was added, false if {@code key} was already committed (the stored record is kept)
     * @throws IllegalArgumentException if the key is empty or the payload is not single-line JSON
     */
    public boolean put(String key, long seq, String jsonPayload) {
        return inTransaction(tx -> tx.put(key, seq, jsonPayload));
    }

    /**
     * Runs {@code work} in one transaction and commits it; if the work throws, everything it wrote is rolled
     * back and the exception is rethrown ({@link SQLException} wrapped in {@link RunStoreException}). Use it to
     * commit a record together with rows of other tables:
     * <pre>{@code
     * store.inTransaction(tx -> {
     *     try (var steps = tx.connection().prepareStatement("INSERT INTO steps VALUES (?, ?, ?)")) { ... }
     *     return tx.put(problemId, index, resultJson);
     * });
     * }</pre>
     * Transactions do not nest: inside the work, write through {@code tx}, not through this store.
     */
    public <T> T inTransaction(TransactionWork<T> work) {
        lock.lock();
        try {
            ensureOpen();
            if (inTransaction) {
                throw new IllegalStateException("transactions do not nest: inside inTransaction, write through the "
                        + "Transaction it hands you");
            }
            inTransaction = true;
            // explicit BEGIN/COMMIT with JDBC auto-commit left on: about 30% faster per transaction than toggling
            // setAutoCommit, which makes the driver run extra statements around every commit
            control.execute("BEGIN IMMEDIATE");
            try {
                T result = work.run(transaction);
                control.execute("COMMIT");
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                rollback(e);
                throw e;
            } finally {
                inTransaction = false;
            }
        } catch (SQLException e) {
            throw new RunStoreException("cannot write to " + directory.databaseFile() + ": " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    /** The keys of every committed record, for a resumed command to skip. */
    public Set<String> completedKeys() {
        return read(c -> {
            Set<String> keys = new HashSet<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT key FROM records")) {
                while (rs.next()) {
                    keys.add(rs.getString(1));
                }
            }
            return Collections.unmodifiableSet(keys);
        });
    }

    /** Whether a record with {@code key} is committed. */
    public boolean contains(String key) {
        return read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM records WHERE key = ?")) {
                s.setString(1, key);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    /** The number of committed records. */
    public long count() {
        return read(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM records")) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /**
     * Every committed record in {@code seq} order (ties by key), read lazily from a snapshot taken when the
     * stream starts; records committed meanwhile are not seen. Close the stream (try-with-resources): it holds a
     * database connection.
     */
    public Stream<RunRecord> records() {
        ensureOpen();
        try {
            Connection reader = connect(directory.databaseFile(), true);
            try {
                reader.setAutoCommit(false); // one read transaction = one consistent snapshot
                PreparedStatement query = reader.prepareStatement("SELECT key, seq, payload FROM records ORDER BY seq, key");
                ResultSet rows = query.executeQuery();
                return StreamSupport.stream(new RecordSpliterator(rows), false).onClose(() -> {
                    try (reader) {
                        rows.close();
                        query.close();
                        reader.rollback();
                    } catch (SQLException e) {
                        throw new RunStoreException("cannot close reader of " + directory.databaseFile(), e);
                    }
                });
            } catch (SQLException | RuntimeException e) {
                closeQuietly(reader, e);
                throw e;
            }
        } catch (SQLException e) {
            throw new RunStoreException("cannot read " + directory.databaseFile() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes every record's payload, one per line in {@code seq} order, to {@code out}. The file appears
     * complete or not at all: it is written beside {@code out} and renamed over it at the end.
     *
     * @return the number of records written
     */
    public long exportJsonl(Path out) {
        long[] written = {0};
        try (Stream<RunRecord> records = records()) {
            AtomicFiles.write(out, w -> {
                for (RunRecord r : (Iterable<RunRecord>) records::iterator) {
                    w.write(r.payload());
                    w.write('\n');
                    written[0]++;
                }
            });
        } catch (IOException e) {
            throw new RunStoreException("cannot export " + dir() + " to " + out + ": " + e.getMessage(), e);
        }
        return written[0];
    }

    /** Closes the database and releases the run directory. Idempotent. */
    @Override
    public void close() {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            try (directory; connection; insert; control) {
                // closes the statements, then the database, and only then releases the directory lock
            } catch (SQLException | IOException e) {
                throw new RunStoreException("cannot close run " + dir() + ": " + e.getMessage(), e);
            }
        } finally {
            lock.unlock();
        }
    }

    @FunctionalInterface
    private interface Query<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T read(Query<T> query) {
        lock.lock();
        try {
            ensureOpen();
            return query.run(connection);
        } catch (SQLException e) {
            throw new RunStoreException("cannot read " + directory.databaseFile() + ": " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("run store " + dir() + " is closed");
        }
    }

    private void rollback(Throwable cause) {
        try {
            control.execute("ROLLBACK");
        } catch (SQLException e) {
            cause.addSuppressed(e); // SQLite may have rolled back already (e.g. disk full)
        }
    }

    private static void closeQuietly(Connection c, Throwable cause) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    /** The transaction view handed to {@link TransactionWork}; valid only while the work runs. */
    private final class OpenTransaction implements Transaction {
        @Override
        public boolean put(String key, long seq, String jsonPayload) throws SQLException {
            if (key == null || key.isEmpty()) {
                throw new IllegalArgumentException("record key must not be empty");
            }
            JsonPayloads.requireSingleLineJson(key, jsonPayload);
            insert.setString(1, key);
            insert.setLong(2, seq);
            insert.setString(3, jsonPayload);
            return insert.executeUpdate() == 1;
        }

        @Override
        public Connection connection() {
            return connection;
        }
    }

    /** Walks a result set of (key, seq, payload) rows. */
    private final class RecordSpliterator extends Spliterators.AbstractSpliterator<RunRecord> {
        private final ResultSet rows;

        RecordSpliterator(ResultSet rows) {
            super(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL);
            this.rows = rows;
        }

        @Override
        public boolean tryAdvance(Consumer<? super RunRecord> action) {
            try {
                if (!rows.next()) {
                    return false;
                }
                action.accept(new RunRecord(rows.getString(1), rows.getLong(2), rows.getString(3)));
                return true;
            } catch (SQLException e) {
                throw new RunStoreException("cannot read " + directory.databaseFile() + ": " + e.getMessage(), e);
            }
        }
    }
}
