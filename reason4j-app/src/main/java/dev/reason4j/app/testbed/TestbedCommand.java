package dev.reason4j.app.testbed;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code reason4j testbed <what>}: the synthetic arithmetic world and the project's own tokenizer. */
@Command(name = "testbed", mixinStandardHelpOptions = true,
        description = "The synthetic arithmetic world: generate problems, train the project's tokenizer, write SFT data, "
                + "initialise a model to train from scratch.",
        subcommands = {TestbedGenerateCommand.class, TestbedTokenizerCommand.class, TestbedSftDataCommand.class,
                TestbedInitModelCommand.class})
public final class TestbedCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
