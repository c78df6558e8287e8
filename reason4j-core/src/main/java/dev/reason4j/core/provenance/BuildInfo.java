package dev.reason4j.core.provenance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The reason4j version and the commit it was built from, recorded with every run.
 *
 * @param version the project version, e.g. {@code 0.1.0-SNAPSHOT}
 * @param commit the git commit id of the build, or {@code unknown} when built outside a git checkout
 * @param dirty whether the build had uncommitted changes
 */
public record BuildInfo(String version, String commit, boolean dirty) {

    private static final BuildInfo CURRENT = load();

    /** The build this code belongs to. */
    public static BuildInfo current() {
        return CURRENT;
    }

    private static BuildInfo load() {
        Properties props = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("/reason4j-git.properties")) {
            if (in != null) {
                props.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read reason4j-git.properties", e);
        }
        String version = props.getProperty("git.build.version", BuildInfo.class.getPackage().getImplementationVersion());
        return new BuildInfo(
                version == null ? "unknown" : version,
                props.getProperty("git.commit.id", "unknown"),
                Boolean.parseBoolean(props.getProperty("git.dirty", "false")));
    }

    @Override
    public String toString() {
        return version + " (" + (commit.length() > 12 ? commit.substring(0, 12) : commit) + (dirty ? ", dirty" : "") + ")";
    }
}
