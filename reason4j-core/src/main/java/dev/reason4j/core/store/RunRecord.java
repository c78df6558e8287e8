package dev.reason4j.core.store;

import java.util.Objects;

/**
 * One committed result of a run.
 *
 * @param key the unit of work this result belongs to (a problem id, or a problem id plus sample number)
 * @param seq the position used for ordering and export, usually the problem's index in its input
 * @param payload the result as one line of JSON
 */
public record RunRecord(String key, long seq, String payload) {

    public RunRecord {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(payload, "payload");
    }
}
