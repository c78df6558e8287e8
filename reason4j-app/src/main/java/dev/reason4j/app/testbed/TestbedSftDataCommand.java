package dev.reason4j.app.testbed;

import dev.reason4j.testbed.model.ReferenceStyle;
import dev.reason4j.testbed.model.SftData;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code reason4j testbed sft-data --data train.jsonl --protocol code --style overthinking --out sft.jsonl}: TRL
 * prompt–completion rows for {@code reason4j train sft}, prompted with the protocol's search prompt and completed
 * with one style of reference solution (see {@link SftData}).
 */
@Command(name = "sft-data", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Write SFT data (TRL prompt-completion JSONL) from testbed problems, prompted as search prompts.")
final class TestbedSftDataCommand implements Callable<Integer> {

    @Option(names = "--data", required = true, paramLabel = "F", description = "Problems written by 'reason4j testbed generate'.")
    Path data;

    @Option(names = "--protocol", defaultValue = "code",
            description = "Solution format and search prompt: code or cot (default: ${DEFAULT-VALUE}).")
    String protocol;

    @Option(names = "--style", defaultValue = "overthinking",
            description = "Reference solutions: overthinking or concise (default: ${DEFAULT-VALUE}).")
    String style;

    @Option(names = "--out", required = true, paramLabel = "F", description = "JSONL file to write.")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (!Files.isRegularFile(data)) {
            throw new IllegalArgumentException("--data " + data + ": no such file");
        }
        ReferenceStyle reference = ReferenceStyle.of(protocol, style);
        int rows = SftData.write(data, reference, out);
        PrintWriter printer = spec.commandLine().getOut();
        printer.printf("wrote %,d %s examples to %s%n", rows, reference, out);
        printer.flush();
        return 0;
    }
}
