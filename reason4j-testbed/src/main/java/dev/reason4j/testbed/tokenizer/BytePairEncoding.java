package dev.reason4j.testbed.tokenizer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Byte-level byte-pair encoding training: Sennrich, Haddow and Birch, "Neural Machine Translation of Rare Words with
 * Subword Units" (ACL 2016), over bytes as in GPT-2 (Radford et al., "Language Models are Unsupervised Multitask
 * Learners", 2019).
 *
 * <p>The vocabulary starts with the special tokens and the 256 byte symbols, and every word (a pre-tokenizer
 * piece, with its count {@code c(w)}) is its sequence of byte symbols. Then, until the vocabulary has the wanted
 * size, the adjacent pair with the largest weighted count
 * <pre>    (a, b) = argmax  Σ_w c(w) · #{i : w_i = a, w_{i+1} = b}</pre>
 * becomes a merge: {@code ab} joins the vocabulary (unless two other tokens already made it), and in every word
 * each occurrence of {@code a b}, from left to right, is replaced by {@code ab}. Ties go to the pair whose left,
 * then right token has the smaller id, so training is deterministic. Training stops early when no pair occurs at
 * least twice. Pair counts are updated only in the words a merge touches, and the largest is kept in a heap whose
 * stale entries are skipped.
 */
public final class BytePairEncoding {

    /** Pairs rarer than this are not worth a token. */
    static final long MIN_PAIR_COUNT = 2;

    private final List<String> tokens = new ArrayList<>();
    private final Map<String, Integer> ids = new HashMap<>();
    private final int[][] words;
    private final long[] counts;
    private final Map<Long, Long> pairCounts = new HashMap<>();
    private final Map<Long, Set<Integer>> pairWords = new HashMap<>();
    private final PriorityQueue<long[]> heap = new PriorityQueue<>(
            Comparator.<long[]>comparingLong(e -> -e[0]).thenComparingLong(e -> e[1] >>> 32).thenComparingLong(e -> e[1] & 0xFFFFFFFFL));

    private BytePairEncoding(Map<String, Long> wordCounts, List<String> specials) {
        specials.forEach(this::token);
        ByteLevelAlphabet.symbols().forEach(this::token);
        words = new int[wordCounts.size()][];
        counts = new long[wordCounts.size()];
        int w = 0;
        for (Map.Entry<String, Long> e : wordCounts.entrySet()) {
            String word = e.getKey();
            words[w] = word.chars().map(c -> ids.get(String.valueOf((char) c))).toArray();
            counts[w] = e.getValue();
            w++;
        }
    }

    /**
     * Trains a vocabulary of at most {@code vocabSize} tokens.
     *
     * @param wordCounts pre-tokenizer pieces in the byte-level alphabet, with how often each occurs
     * @param specials special tokens, given the first ids
     * @param specialOccurrences how often special tokens occur in the training text (one token each)
     * @param vocabSize the wanted vocabulary size, special tokens and the 256 bytes included
     * @param trainingBytes UTF-8 bytes of the training text, kept for {@link BpeVocabulary#bytesPerToken()}
     */
    public static BpeVocabulary train(Map<String, Long> wordCounts, List<String> specials, long specialOccurrences,
            int vocabSize, long trainingBytes) {
        int least = specials.size() + 256;
        if (vocabSize < least) {
            throw new IllegalArgumentException("vocabSize must be at least " + least + " (special tokens and 256 bytes), got "
                    + vocabSize);
        }
        BytePairEncoding bpe = new BytePairEncoding(wordCounts, specials);
        List<BpeVocabulary.Merge> merges = bpe.merge(vocabSize);
        long pieceTokens = 0;
        for (int w = 0; w < bpe.words.length; w++) {
            pieceTokens += bpe.counts[w] * bpe.words[w].length;
        }
        return new BpeVocabulary(bpe.tokens, specials.size(), merges, pieceTokens + specialOccurrences, trainingBytes);
    }

    private List<BpeVocabulary.Merge> merge(int vocabSize) {
        for (int w = 0; w < words.length; w++) {
            addPairs(w);
        }
        pairCounts.forEach((pair, count) -> heap.add(new long[] {count, pair}));
        List<BpeVocabulary.Merge> merges = new ArrayList<>();
        while (tokens.size() < vocabSize) {
            long[] top = heap.poll();
            if (top == null) {
                break;
            }
            long pair = top[1];
            if (pairCounts.getOrDefault(pair, 0L) != top[0]) {
                continue; // stale: the count changed after this entry was pushed
            }
            if (top[0] < MIN_PAIR_COUNT) {
                break;
            }
            int left = (int) (pair >>> 32);
            int right = (int) pair;
            merges.add(new BpeVocabulary.Merge(tokens.get(left), tokens.get(right)));
            int merged = token(tokens.get(left) + tokens.get(right));
            Set<Long> changed = new HashSet<>();
            for (int w : List.copyOf(pairWords.get(pair))) {
                changed.addAll(removePairs(w));
                words[w] = replace(words[w], left, right, merged);
                changed.addAll(addPairs(w));
            }
            for (long p : changed) {
                Long count = pairCounts.get(p);
                if (count != null) {
                    heap.add(new long[] {count, p});
                }
            }
        }
        return merges;
    }

    /** The id of {@code text}, added to the vocabulary when new. */
    private int token(String text) {
        return ids.computeIfAbsent(text, t -> {
            tokens.add(t);
            return tokens.size() - 1;
        });
    }

    private static int[] replace(int[] symbols, int left, int right, int merged) {
        int[] out = new int[symbols.length];
        int n = 0;
        for (int i = 0; i < symbols.length; i++) {
            if (i + 1 < symbols.length && symbols[i] == left && symbols[i + 1] == right) {
                out[n++] = merged;
                i++;
            } else {
                out[n++] = symbols[i];
            }
        }
        return Arrays.copyOf(out, n);
    }

    private static long key(int left, int right) {
        return (long) left << 32 | right & 0xFFFFFFFFL;
    }

    private Set<Long> addPairs(int w) {
        return updatePairs(w, +1);
    }

    private Set<Long> removePairs(int w) {
        return updatePairs(w, -1);
    }

    /** Adds ({@code +1}) or removes ({@code -1}) word {@code w}'s pairs from the counts; returns the pairs touched. */
    private Set<Long> updatePairs(int w, int sign) {
        int[] symbols = words[w];
        Set<Long> touched = new HashSet<>();
        for (int i = 0; i + 1 < symbols.length; i++) {
            long pair = key(symbols[i], symbols[i + 1]);
            touched.add(pair);
            long count = pairCounts.getOrDefault(pair, 0L) + sign * counts[w];
            if (count == 0) {
                pairCounts.remove(pair);
            } else {
                pairCounts.put(pair, count);
            }
        }
        for (long pair : touched) {
            if (sign > 0) {
                pairWords.computeIfAbsent(pair, p -> new HashSet<>()).add(w);
            } else {
                Set<Integer> where = pairWords.get(pair);
                where.remove(w);
                if (where.isEmpty()) {
                    pairWords.remove(pair);
                }
            }
        }
        return touched;
    }
}
