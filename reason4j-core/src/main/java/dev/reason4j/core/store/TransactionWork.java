package dev.reason4j.core.store;

import java.sql.SQLException;

/**
 * Work done atomically by {@link RunStore#inTransaction}.
 *
 * @param <T> what the work returns
 */
@FunctionalInterface
public interface TransactionWork<T> {

    /** Writes through {@code tx}; throwing rolls everything back. */
    T run(Transaction tx) throws SQLException;
}
