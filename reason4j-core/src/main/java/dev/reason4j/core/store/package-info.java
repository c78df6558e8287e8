/**
 * The run store every command writes to: a run directory with {@code run.json} and a SQLite {@code run.db} in WAL
 * mode, one transaction per unit of work, so a killed run resumes where it stopped without duplicating anything.
 * Start at {@link dev.reason4j.core.store.RunStore#open}.
 */
package dev.reason4j.core.store;
