/**
 * Where a result came from: the build ({@link dev.reason4j.core.provenance.BuildInfo}), the platform, the input
 * files' hashes and the command's options and seeds, gathered in a
 * {@link dev.reason4j.core.provenance.RunManifest} that every run directory keeps as {@code run.json}.
 */
package dev.reason4j.core.provenance;
