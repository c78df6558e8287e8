package dev.reason4j.torch;

/**
 * What the prefix cache has done since the engine started.
 *
 * @param lookups prompts looked up
 * @param hits lookups that reused at least one token
 * @param tokensReused prompt tokens whose keys/values came from the cache
 * @param entries entries held now
 * @param bytes native bytes held now
 * @param budgetBytes the most it may hold
 * @param evictions entries dropped to stay within the budget (least recently used first)
 */
public record PrefixCacheStats(long lookups, long hits, long tokensReused, int entries, long bytes, long budgetBytes,
        long evictions) {

    /** Share of lookups that reused something, 0 before the first lookup. */
    public double hitRate() {
        return lookups == 0 ? 0 : (double) hits / lookups;
    }
}
