package dev.reason4j.recipes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reason4j.core.store.RunStore;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Runs a stage's units of work into a run store, one transaction per unit, skipping the units an earlier run
 * committed: a stage killed at any moment resumes where it stopped and never loses or duplicates a unit (see
 * {@link RunStore}). The work must be deterministic for a given run manifest, which the run store checks.
 */
public final class ResumableStage {

    /**
     * One unit of work.
     *
     * @param key what identifies it in the store (a problem id), unique within the stage
     * @param input what the work reads
     */
    public record Unit<T>(String key, T input) {
        public Unit {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(input, "input");
        }
    }

    /** Turns one unit's input into its result. */
    @FunctionalInterface
    public interface Work<T> {
        UnitResult apply(T input);
    }

    /**
     * What a run did.
     *
     * @param total units of the stage
     * @param skipped units an earlier run had committed
     * @param committed units this run committed
     */
    public record Counts(long total, long skipped, long committed) {}

    private ResumableStage() {}

    /**
     * Runs every unit not yet in {@code store} and commits its result under its key, in order.
     *
     * @throws IllegalArgumentException when two units share a key
     */
    public static <T> Counts run(RunStore store, String name, List<Unit<T>> units, Work<T> work, StageProgress progress,
            ObjectMapper mapper) {
        requireUniqueKeys(units);
        Set<String> done = store.completedKeys();
        long skipped = units.stream().filter(u -> done.contains(u.key())).count();
        long committed = 0;
        progress.start(name, units.size(), skipped);
        try {
            for (int i = 0; i < units.size(); i++) {
                Unit<T> unit = units.get(i);
                if (done.contains(unit.key())) {
                    continue;
                }
                ObjectNode payload = work.apply(unit.input()).toJson(unit.key(), mapper);
                store.put(unit.key(), i, write(mapper, payload));
                committed++;
                progress.step();
            }
        } finally {
            progress.finish();
        }
        return new Counts(units.size(), skipped, committed);
    }

    /** The committed results, in unit order; close the stream (it holds a database connection). */
    public static Stream<ObjectNode> results(RunStore store, ObjectMapper mapper) {
        return store.records().map(r -> {
            try {
                return (ObjectNode) mapper.readTree(r.payload());
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException("run " + store.dir() + ": record '" + r.key() + "' is not JSON", e);
            }
        });
    }

    private static String write(ObjectMapper mapper, ObjectNode payload) {
        try {
            return mapper.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> void requireUniqueKeys(List<Unit<T>> units) {
        Set<String> keys = new HashSet<>();
        for (Unit<T> u : units) {
            if (!keys.add(u.key())) {
                throw new IllegalArgumentException("two units of work share the key '" + u.key() + "'");
            }
        }
    }
}
