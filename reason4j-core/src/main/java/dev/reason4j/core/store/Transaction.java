package dev.reason4j.core.store;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The open transaction handed to {@link RunStore#inTransaction}. Everything written through it, records and rows
 * of the caller's own tables alike, commits together or not at all.
 */
public interface Transaction {

    /**
     * Adds a record, as {@link RunStore#put}, inside this transaction.
     *
     * @return true if the record was added, false if {@code key} was already committed (the stored record is kept)
     */
    boolean put(String key, long seq, String jsonPayload) throws SQLException;

    /**
     * The store's connection, for modules that keep their own tables (for example the steps of a search tree).
     * Create them with {@code CREATE TABLE IF NOT EXISTS} inside a transaction; do not commit, roll back or
     * close the connection, and do not keep it after the work returns.
     */
    Connection connection();
}
