package dev.reason4j.torch;

import dev.reason4j.torch.model.KvCache;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keys and values of prompts already computed, so a prompt that shares a prefix with one of them (tree search
 * expands many continuations of the same partial solution) computes only the tokens after the shared part.
 *
 * <p>Attention is causal, so the first {@code k} slots of any entry are valid for every sequence that starts with
 * the same {@code k} tokens: a lookup takes the entry sharing the longest prefix with the prompt, even when the entry
 * goes on differently (a sibling branch). Entries are evicted least recently used first to stay within a byte
 * budget; an entry that is a prefix of a new one is replaced by it. Not thread-safe: the engine serialises calls.
 */
final class PrefixCache implements AutoCloseable {

    /** A reusable prefix: {@code length} leading slots of {@code kv}, which the caller must close. */
    record Hit(KvCache kv, int length) {}

    private record Entry(int[] tokens, KvCache kv, long bytes) {}

    private final long budgetBytes;
    private final LinkedHashMap<Long, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);
    private long nextId;
    private long bytes;
    private long lookups;
    private long hits;
    private long tokensReused;
    private long evictions;

    PrefixCache(long budgetBytes) {
        if (budgetBytes < 0) {
            throw new IllegalArgumentException("prefix cache budget must be >= 0 bytes, was " + budgetBytes);
        }
        this.budgetBytes = budgetBytes;
    }

    boolean enabled() {
        return budgetBytes > 0;
    }

    /**
     * The longest cached prefix of {@code tokens}, at most {@code maxLength} tokens long, or null. A hit makes its
     * entry the most recently used.
     */
    Hit lookup(int[] tokens, int maxLength) {
        if (!enabled()) {
            return null;
        }
        lookups++;
        long bestId = -1;
        int best = 0;
        for (Map.Entry<Long, Entry> e : entries.entrySet()) {
            int shared = Math.min(commonPrefix(e.getValue().tokens(), tokens), maxLength);
            if (shared > best) {
                best = shared;
                bestId = e.getKey();
            }
        }
        if (best == 0) {
            return null;
        }
        hits++;
        tokensReused += best;
        return new Hit(entries.get(bestId).kv().share(), best); // get() marks it recently used
    }

    /**
     * Stores the keys and values of {@code tokens}, taking ownership of {@code kv} (its capacity is the token
     * count). Nothing is stored when an entry already covers {@code tokens} or the entry alone exceeds the budget.
     */
    void put(int[] tokens, KvCache kv) {
        long size = kv.bytes();
        if (!enabled() || size > budgetBytes || tokens.length == 0) {
            kv.close();
            return;
        }
        for (Iterator<Entry> it = entries.values().iterator(); it.hasNext(); ) {
            Entry old = it.next();
            int shared = commonPrefix(old.tokens(), tokens);
            if (shared == tokens.length) { // already covered by a longer or equal entry
                kv.close();
                return;
            }
            if (shared == old.tokens().length) { // the old entry is a prefix of the new one
                it.remove();
                bytes -= old.bytes();
                old.kv().close();
            }
        }
        entries.put(nextId++, new Entry(tokens.clone(), kv, size));
        bytes += size;
        for (Iterator<Entry> it = entries.values().iterator(); bytes > budgetBytes && it.hasNext(); ) {
            Entry oldest = it.next();
            it.remove();
            bytes -= oldest.bytes();
            oldest.kv().close();
            evictions++;
        }
    }

    PrefixCacheStats stats() {
        return new PrefixCacheStats(lookups, hits, tokensReused, entries.size(), bytes, budgetBytes, evictions);
    }

    /** Drops every entry (statistics are kept). */
    void clear() {
        entries.values().forEach(e -> e.kv().close());
        entries.clear();
        bytes = 0;
    }

    @Override
    public void close() {
        clear();
    }

    private static int commonPrefix(int[] a, int[] b) {
        int mismatch = Arrays.mismatch(a, b);
        return mismatch < 0 ? a.length : mismatch;
    }
}
