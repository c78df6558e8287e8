package dev.reason4j.testbed.world;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Generates the arithmetic world: test problems first, then training problems whose (template, numbers) differ
 * from every test problem's and from each other's.
 *
 * <p>Problem {@code i} of a split has tier {@code min + i mod tiers} and family
 * {@code (i / tiers) mod families}, so every family meets every tier; its random choices come from a seed mixed
 * from the world seed, the split, {@code i} and the attempt number. A problem therefore depends only on the seed
 * and its position (and, for a training problem, on whether an earlier attempt collided with the test set):
 * asking for more problems with the same seed extends a split without changing the ones before.
 */
public final class WorldGenerator {

    /** Attempts at a problem with a fresh (template, numbers) before the world is declared too small. */
    static final int ATTEMPTS = 1_000;
    private static final long TRAIN_STREAM = 1;
    private static final long TEST_STREAM = 2;

    /** Told after each generated problem, for progress bars. */
    @FunctionalInterface
    public interface Listener {
        void generated(WorldProblem problem);
    }

    private WorldGenerator() {}

    public static WorldSplit generate(WorldConfig config) {
        return generate(config, p -> { });
    }

    /**
     * @throws IllegalStateException when a tier of a family runs out of distinct problems
     */
    public static WorldSplit generate(WorldConfig config, Listener listener) {
        Set<String> testKeys = new HashSet<>();
        List<WorldProblem> test = split("test", TEST_STREAM, config.test(), config, testKeys, Set.of(), listener);
        List<WorldProblem> train = split("train", TRAIN_STREAM, config.train(), config, new HashSet<>(), testKeys, listener);
        return new WorldSplit(train, test);
    }

    /** A single problem of {@code family} with {@code operations} operations, drawn from {@code seed}: for examples. */
    public static WorldProblem problem(long seed, String family, int operations) {
        Family f = Families.all().stream().filter(x -> x.name().equals(family)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown family '" + family + "'; known: " + Families.names()));
        return ProblemGenerator.generate(f, operations, new WorldRandom(seed));
    }

    private static List<WorldProblem> split(String name, long stream, int count, WorldConfig config, Set<String> keys,
            Set<String> forbidden, Listener listener) {
        List<Family> families = Families.all();
        TierRange tiers = config.tiers();
        List<WorldProblem> problems = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int operations = tiers.min() + i % tiers.count();
            Family family = families.get(i / tiers.count() % families.size());
            WorldProblem problem = fresh(family, operations, config.seed(), stream, i, keys, forbidden)
                    .withId(String.format(Locale.ROOT, "%s-%06d", name, i));
            keys.add(problem.key());
            problems.add(problem);
            listener.generated(problem);
        }
        return problems;
    }

    private static WorldProblem fresh(Family family, int operations, long seed, long stream, int index, Set<String> keys,
            Set<String> forbidden) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            WorldRandom random = new WorldRandom(mix(seed, stream, index, attempt));
            WorldProblem problem = ProblemGenerator.generate(family, operations, random);
            if (!keys.contains(problem.key()) && !forbidden.contains(problem.key())) {
                return problem;
            }
        }
        throw new IllegalStateException("family " + family.name() + " has no new problem with " + operations
                + " operations after " + ATTEMPTS + " attempts: ask for fewer problems");
    }

    /** SplitMix64's finaliser over the parts, so nearby indices get unrelated streams. */
    static long mix(long... parts) {
        long h = 0x9E3779B97F4A7C15L;
        for (long part : parts) {
            h += part * 0xBF58476D1CE4E5B9L + 0x9E3779B97F4A7C15L;
            h = (h ^ (h >>> 30)) * 0xBF58476D1CE4E5B9L;
            h = (h ^ (h >>> 27)) * 0x94D049BB133111EBL;
            h ^= h >>> 31;
        }
        return h;
    }
}
