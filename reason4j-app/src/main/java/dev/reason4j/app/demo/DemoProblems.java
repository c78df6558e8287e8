package dev.reason4j.app.demo;

import dev.reason4j.testbed.world.TierRange;
import dev.reason4j.testbed.world.WorldConfig;
import dev.reason4j.testbed.world.WorldGenerator;
import dev.reason4j.testbed.world.WorldJsonl;
import dev.reason4j.testbed.world.WorldSplit;
import java.nio.file.Path;

/**
 * The testbed problems of a demo run, generated on the fly from the world seed the shipped model was trained on.
 * Test problem {@code i} depends only on that seed and {@code i} ({@link WorldGenerator}), so the demo's held-out
 * problems are the first test problems of the model's own world, which its training problems were kept apart from;
 * tiers cycle 1–8, so the problems are stratified by difficulty. Generation takes milliseconds and gives the same
 * files every time, so each run writes them again (the parts' run directories check their hashes).
 *
 * @param train the recipes' training problems ({@code train.jsonl})
 * @param test the held-out problems ({@code test.jsonl})
 */
record DemoProblems(Path train, Path test) {

    /** The world seed of {@code reason4j testbed generate} and of the shipped model's training data. */
    static final long WORLD_SEED = 1;

    /** Writes {@code test} held-out and {@code train} training problems under {@code dir}. */
    static DemoProblems write(Path dir, int test, int train) {
        WorldSplit split = WorldGenerator.generate(new WorldConfig(WORLD_SEED, train, test, TierRange.ALL));
        DemoProblems files = new DemoProblems(dir.resolve("train.jsonl"), dir.resolve("test.jsonl"));
        WorldJsonl.write(files.train, split.train());
        WorldJsonl.write(files.test, split.test());
        return files;
    }
}
