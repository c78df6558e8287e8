package dev.reason4j.core.dataset;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds ../shared/benchmarks beside the project root (the directory holding mvnw), as the CI clone has it. */
public final class BenchmarkFiles {

    private BenchmarkFiles() {}

    public static Path dir() {
        Path start = Path.of("").toAbsolutePath();
        for (Path p = start; p != null; p = p.getParent()) {
            if (Files.exists(p.resolve("mvnw"))) {
                Path benchmarks = p.resolve("../shared/benchmarks").normalize();
                if (!Files.isDirectory(benchmarks)) {
                    throw new AssertionError("benchmark files not found at " + benchmarks
                            + " (../shared/benchmarks from the project root " + p + ")");
                }
                return benchmarks;
            }
        }
        throw new AssertionError("no project root (a directory with mvnw) above " + start);
    }

    public static Path file(String name) {
        Path file = dir().resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new AssertionError("benchmark file missing: " + file);
        }
        return file;
    }
}
