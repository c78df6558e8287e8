package dev.reason4j.core.provenance;

import java.util.Objects;

/**
 * The Java runtime and machine a run was made on, recorded so that differences between runs can be explained.
 *
 * @param javaVersion {@code java.runtime.version}, e.g. {@code 25+36-LTS}
 * @param javaVendor {@code java.vendor}
 * @param os operating system name and version
 * @param arch CPU architecture, e.g. {@code amd64}
 * @param cpus processors available to the JVM when the run was made
 */
public record Platform(String javaVersion, String javaVendor, String os, String arch, int cpus) {

    public Platform {
        Objects.requireNonNull(javaVersion, "javaVersion");
        Objects.requireNonNull(javaVendor, "javaVendor");
        Objects.requireNonNull(os, "os");
        Objects.requireNonNull(arch, "arch");
        if (cpus < 1) {
            throw new IllegalArgumentException("cpus must be >= 1, got " + cpus);
        }
    }

    /** The platform this JVM runs on. */
    public static Platform current() {
        return new Platform(
                System.getProperty("java.runtime.version", System.getProperty("java.version", "unknown")),
                System.getProperty("java.vendor", "unknown"),
                (System.getProperty("os.name", "unknown") + " " + System.getProperty("os.version", "")).strip(),
                System.getProperty("os.arch", "unknown"),
                Runtime.getRuntime().availableProcessors());
    }
}
