package dev.reason4j.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code reason4j bench <what>}: throughput benchmarks that print rates and ratios. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmarks that print rates and ratios.")
final class BenchCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
