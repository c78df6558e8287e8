package dev.reason4j.app.demo;

import dev.reason4j.testbed.model.ShippedModel;
import dev.reason4j.torch.model.ModelConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The models the demo runs: the policy and, when there is one, the process preference model (PPM) that scores its
 * steps. By default both are the ones shipped in the {@code reason4j-testbed} jar; {@code --model} and
 * {@code --ppm} replace them. The shipped PPM is trained on the shipped policy's steps and tokenizer, so it goes
 * with that policy only: another {@code --model} runs without a PPM unless {@code --ppm} names one.
 *
 * @param policy the policy's directory
 * @param policyOrigin where it came from, for the report
 * @param ppm the PPM's directory, if any
 * @param ppmOrigin where it came from, or why there is none
 */
record DemoModels(Path policy, String policyOrigin, Optional<Path> ppm, String ppmOrigin) {

    DemoModels {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(policyOrigin, "policyOrigin");
        Objects.requireNonNull(ppm, "ppm");
        Objects.requireNonNull(ppmOrigin, "ppmOrigin");
    }

    /**
     * The models for the command line's {@code --model} and {@code --ppm} (either may be null).
     *
     * @throws IllegalArgumentException when a given directory is not a model, or no policy is given and none ships
     */
    static DemoModels resolve(Path modelOption, Path ppmOption) {
        if (modelOption != null) {
            Path policy = checked(modelOption, "--model");
            return ppmOption != null
                    ? new DemoModels(policy, "--model " + modelOption, Optional.of(checked(ppmOption, "--ppm")),
                            "--ppm " + ppmOption)
                    : new DemoModels(policy, "--model " + modelOption, Optional.empty(),
                            "none: no --ppm given (the shipped PPM goes with the shipped policy only)");
        }
        if (!ShippedModel.POLICY.available()) {
            throw new IllegalArgumentException("this build ships no default policy model yet (the resources "
                    + ShippedModel.POLICY.resourceFolder() + "; reason4j-testbed/train-default-model.sh trains it): "
                    + "give --model DIR");
        }
        Path policy = ShippedModel.POLICY.directory();
        String origin = "the shipped policy (" + policy + ")";
        if (ppmOption != null) {
            return new DemoModels(policy, origin, Optional.of(checked(ppmOption, "--ppm")), "--ppm " + ppmOption);
        }
        if (!ShippedModel.PPM.available()) {
            return new DemoModels(policy, origin, Optional.empty(), "none: this build ships no PPM and no --ppm was given");
        }
        Path ppm = ShippedModel.PPM.directory();
        return new DemoModels(policy, origin, Optional.of(ppm), "the shipped PPM (" + ppm + ")");
    }

    /** The policy's context: the longest prompt and response its training runs may hold. */
    int policyContext() {
        return ModelConfig.read(policy.resolve("config.json")).maxPositions();
    }

    private static Path checked(Path dir, String option) {
        if (!Files.isRegularFile(dir.resolve("config.json"))) {
            throw new IllegalArgumentException(option + " " + dir + ": no config.json (expected a Hugging Face model "
                    + "directory)");
        }
        return dir.toAbsolutePath().normalize();
    }
}
