package dev.reason4j.core.provenance;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a run is (command, options, seeds, input files) and where it was made (build, platform, time): the content
 * of a run directory's {@code run.json}.
 *
 * <p>Two manifests describe the <em>same job</em> when command, config, seeds and input file hashes agree;
 * build, platform, creation time and input paths may differ (a run resumed after a rebuild or with a moved input
 * file is still the same job). {@link #differencesFrom} lists what differs.
 *
 * <p>Build one with {@link #builder(String)}, which fills build, platform and time from the running JVM:
 * <pre>{@code
 * RunManifest manifest = RunManifest.builder("grade")
 *         .config("tolerance", 1e-4)
 *         .seed("sampling", 42)
 *         .input(Path.of("pairs.jsonl"))
 *         .build();
 * }</pre>
 *
 * @param command the command that made the run, e.g. {@code grade}
 * @param config the command's options, immutable and JSON-shaped (see {@link Builder#config(String, Object)})
 * @param seeds named random seeds, in insertion order
 * @param inputs the files the run reads, in the command's order
 * @param build the reason4j build that created the run
 * @param platform the JVM and machine that created the run
 * @param createdAt when the run was created
 */
public record RunManifest(
        String command,
        Map<String, Object> config,
        Map<String, Long> seeds,
        List<InputFile> inputs,
        BuildInfo build,
        Platform platform,
        Instant createdAt) {

    public RunManifest {
        Objects.requireNonNull(command, "command");
        if (command.isBlank()) {
            throw new IllegalArgumentException("command must not be blank");
        }
        config = ConfigValues.normalise(Objects.requireNonNull(config, "config"));
        seeds = immutableSeeds(Objects.requireNonNull(seeds, "seeds"));
        inputs = List.copyOf(inputs);
        Objects.requireNonNull(build, "build");
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** Starts a manifest for {@code command}; build, platform and time are filled by {@link Builder#build()}. */
    public static Builder builder(String command) {
        return new Builder(command);
    }

    /**
     * What makes {@code other} a different job from this one, one line per difference ("config 'tolerance': run
     * has 1.0E-4, this job has 0.001"); empty when both are the same job. This manifest is taken as the existing
     * run, {@code other} as the job being started.
     */
    public List<String> differencesFrom(RunManifest other) {
        return ManifestComparison.differences(this, other);
    }

    /** Whether {@code other} describes the same job: {@link #differencesFrom} is empty. */
    public boolean sameJobAs(RunManifest other) {
        return differencesFrom(other).isEmpty();
    }

    /** This manifest as pretty-printed JSON, the content of {@code run.json}. */
    public String toJson() {
        return ManifestJson.write(this);
    }

    /**
     * Reads a manifest written by {@link #toJson()}.
     *
     * @param json the JSON text
     * @param source where the text came from, for error messages (e.g. the path of {@code run.json})
     * @throws IllegalArgumentException naming {@code source} and the field when the text is not a valid manifest
     */
    public static RunManifest fromJson(String json, String source) {
        return ManifestJson.read(json, source);
    }

    private static Map<String, Long> immutableSeeds(Map<String, Long> seeds) {
        Map<String, Long> copy = new LinkedHashMap<>();
        seeds.forEach((name, seed) -> {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("seed names must not be blank, got '" + name + "'");
            }
            copy.put(name, Objects.requireNonNull(seed, () -> "seed '" + name + "' must not be null"));
        });
        return Collections.unmodifiableMap(copy);
    }

    /** Collects a manifest's job description; {@link #build()} adds build, platform and the current time. */
    public static final class Builder {
        private final String command;
        private final Map<String, Object> config = new LinkedHashMap<>();
        private final Map<String, Long> seeds = new LinkedHashMap<>();
        private final List<InputFile> inputs = new ArrayList<>();

        private Builder(String command) {
            this.command = command;
        }

        /**
         * Records one option. Values may be strings, numbers, booleans, {@code null}, enums (stored by name),
         * paths and durations (stored as text), and lists or string-keyed maps of these; anything else is
         * rejected by {@link #build()} with a message naming the option.
         */
        public Builder config(String name, Object value) {
            config.put(name, value);
            return this;
        }

        /** Records several options, as {@link #config(String, Object)}. */
        public Builder config(Map<String, ?> options) {
            config.putAll(options);
            return this;
        }

        /** Records a named random seed. */
        public Builder seed(String name, long seed) {
            seeds.put(name, seed);
            return this;
        }

        /** Records an input file, hashing its content now. */
        public Builder input(Path file) {
            return input(InputFile.of(file));
        }

        /** Records an already described input file. */
        public Builder input(InputFile file) {
            inputs.add(Objects.requireNonNull(file, "file"));
            return this;
        }

        /** The manifest, stamped with the current build, platform and time. */
        public RunManifest build() {
            return new RunManifest(
                    command, config, seeds, inputs, BuildInfo.current(), Platform.current(), Instant.now());
        }
    }
}
