package dev.reason4j.lm;

import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The tiny reference checkpoints in {@code ../shared/fixtures/lm} next to the repository (override with the
 * environment variable {@code REASON4J_LM_FIXTURES}). Shared with other modules' tests through this module's
 * test jar.
 */
public final class LmFixtures {

    public static final String QWEN2_F32 = "qwen2-tiny-f32";
    public static final String QWEN2_BF16 = "qwen2-tiny-bf16";
    public static final String LLAMA_F32 = "llama-tiny-f32";

    private LmFixtures() {}

    /** The fixtures folder; fails the test with a message saying where it looked. */
    public static Path root() {
        String override = System.getenv("REASON4J_LM_FIXTURES");
        if (override != null) {
            return require(Path.of(override));
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            return fail("no repository root (a folder with mvnw) above " + Path.of("").toAbsolutePath());
        }
        return require(dir.resolve("../shared/fixtures/lm").normalize());
    }

    /** One checkpoint folder, e.g. {@link #QWEN2_F32}. */
    public static Path checkpoint(String name) {
        return require(root().resolve(name));
    }

    private static Path require(Path dir) {
        if (!Files.isDirectory(dir)) {
            return fail("LM fixtures missing: " + dir + " does not exist. Tests need the tiny reference checkpoints "
                    + "in ../shared/fixtures/lm next to the repository, or REASON4J_LM_FIXTURES set to their folder.");
        }
        return dir;
    }
}
