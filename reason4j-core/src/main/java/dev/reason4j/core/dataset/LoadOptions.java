package dev.reason4j.core.dataset;

/**
 * How to treat bad records while loading.
 *
 * @param skipBadRecords whether a bad record (invalid JSON, missing or wrong-typed field, empty question,
 *     duplicate id) is skipped and counted instead of stopping the load with a {@link DatasetException}
 * @param reasonsKept how many skip reasons to keep for the report (the count is always exact)
 */
public record LoadOptions(boolean skipBadRecords, int reasonsKept) {

    /** The number of skip reasons kept by {@link #skippingBadRecords()}. */
    public static final int DEFAULT_REASONS_KEPT = 10;

    public LoadOptions {
        if (reasonsKept < 0) {
            throw new IllegalArgumentException("reasonsKept must be >= 0, got " + reasonsKept);
        }
    }

    /** Stop at the first bad record (the default). */
    public static LoadOptions strict() {
        return new LoadOptions(false, 0);
    }

    /** Skip bad records, count them and keep the first ten reasons. */
    public static LoadOptions skippingBadRecords() {
        return new LoadOptions(true, DEFAULT_REASONS_KEPT);
    }
}
