package dev.reason4j.core.provenance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One input file of a run, identified by its content.
 *
 * @param path where the file was read from (absolute); informative only, runs are matched by {@code sha256}
 * @param sha256 the SHA-256 of the file's bytes, 64 lower-case hex digits
 * @param size the file's size in bytes
 */
public record InputFile(String path, String sha256, long size) {

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    public InputFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(sha256, "sha256");
        if (path.isBlank()) {
            throw new IllegalArgumentException("path must not be blank");
        }
        if (!SHA256_HEX.matcher(sha256).matches()) {
            throw new IllegalArgumentException("sha256 must be 64 lower-case hex digits, got '" + sha256 + "'");
        }
        if (size < 0) {
            throw new IllegalArgumentException("size must be >= 0, got " + size);
        }
    }

    /** Describes {@code file} as it is now: absolute path, content hash and size. */
    public static InputFile of(Path file) {
        try {
            long size = Files.size(file);
            return new InputFile(file.toAbsolutePath().normalize().toString(), Hashing.sha256(file), size);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read input file " + file + ": " + e.getMessage(), e);
        }
    }

    /** The file name and a short hash, for messages. */
    public String describe() {
        return Path.of(path).getFileName() + " (sha256 " + sha256.substring(0, 12) + "…, " + size + " bytes)";
    }
}
