package dev.reason4j.spark;

import dev.reason4j.core.grading.MathGrader;
import dev.reason4j.recipes.StageProgress;
import dev.reason4j.recipes.StageResult;
import dev.reason4j.recipes.evolve.PolicyDataOptions;
import dev.reason4j.recipes.evolve.PpmPairOptions;
import dev.reason4j.recipes.evolve.TreeExtractionStage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;

/**
 * The data stage of a self-evolution round run on the driver after a synthesis job: {@link TreeExtractionStage} with
 * rStar-Math's defaults (top 2 correct trajectories per problem for the policy's SFT data, PPM pairs of top-2 against
 * bottom-2 steps) reads the run's {@code results.jsonl} and writes {@code policy_sft.jsonl}, {@code ppm_pairs.jsonl}
 * and {@code summary.json} into a local directory, resumably, as {@code evolve}'s {@code round-R/data} stage does;
 * {@code reason4j export --run} and {@code reason4j train sft|ppm --data} read them. The trees are read into the
 * driver's memory, so a very large run wants a driver with room for its {@code results.jsonl}.
 */
final class SynthesisData {

    private SynthesisData() {}

    /**
     * The run's {@code results.jsonl} as a local file of the driver.
     *
     * @param hadoop the job's Hadoop configuration (its default file system decides where a path without scheme is)
     *
     * @throws IllegalArgumentException when the run directory is on a cluster file system
     */
    static Path localResults(Configuration hadoop, String runDir) {
        org.apache.hadoop.fs.Path dir = new org.apache.hadoop.fs.Path(runDir);
        FileSystem fs;
        try {
            fs = dir.getFileSystem(hadoop);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the run directory " + runDir + ": " + e.getMessage(), e);
        }
        if (!"file".equals(fs.getScheme())) {
            throw new IllegalArgumentException("extract reads " + RunOutput.RESULTS + " on the driver, and out " + runDir
                    + " is on " + fs.getScheme() + ": give a local out, or copy the finished run directory to the "
                    + "driver and rerun with it as out (it searches nothing)");
        }
        return Path.of(fs.makeQualified(dir).toUri()).resolve(RunOutput.RESULTS);
    }

    /** Extracts the training data of {@code results} into {@code dataDir}, resuming what an earlier run left. */
    static StageResult extract(Path results, Path dataDir) {
        return new TreeExtractionStage(PolicyDataOptions.defaults(), PpmPairOptions.defaults(), MathGrader.withDefaults())
                .run(results, dataDir, StageProgress.NONE);
    }
}
