package dev.reason4j.app;

import dev.reason4j.app.analyze.AnalyzeBenchCommand;
import dev.reason4j.app.analyze.AnalyzeCommand;
import dev.reason4j.app.grade.GradeBenchCommand;
import dev.reason4j.app.grade.GradeCommand;
import dev.reason4j.app.testbed.TestbedCommand;
import dev.reason4j.app.train.TrainBenchCommand;
import dev.reason4j.app.train.TrainCommand;
import dev.reason4j.core.provenance.BuildInfo;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code reason4j} command line. Each subcommand is one class in this module. */
@Command(
        name = "reason4j",
        mixinStandardHelpOptions = true,
        versionProvider = Reason4j.Version.class,
        description = "Makes small language models reason deeply on math without overthinking.")
public final class Reason4j implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command tree; tests call {@code commandLine().execute(...)} instead of {@link #main}. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Reason4j());
        cli.addSubcommand(new GradeCommand());
        cli.addSubcommand(new ExecCommand());
        cli.addSubcommand(new ServeCommand());
        cli.addSubcommand(new GenerateCommand());
        cli.addSubcommand(new SolveCommand());
        cli.addSubcommand(new EvalCommand());
        cli.addSubcommand(new AnalyzeCommand());
        cli.addSubcommand(TrainCommand.commandLine());
        cli.addSubcommand(new dev.reason4j.app.recipes.evolve.EvolveCommand());
        cli.addSubcommand(new dev.reason4j.app.ui.UiCommand());
        cli.addSubcommand(new TestbedCommand());
        cli.addSubcommand(new dev.reason4j.app.recipes.shorten.ShortenCommand());
        cli.addSubcommand(new dev.reason4j.app.recipes.prune.PruneCommand());
        cli.addSubcommand(new dev.reason4j.app.recipes.export.ExportCommand());
        cli.addSubcommand(new dev.reason4j.app.demo.DemoCommand());
        CommandLine bench = new CommandLine(new BenchCommand());
        bench.addSubcommand(new GradeBenchCommand());
        bench.addSubcommand(new ExecBenchCommand());
        bench.addSubcommand(new EngineBenchCommand());
        bench.addSubcommand(new TrainBenchCommand());
        bench.addSubcommand(new AnalyzeBenchCommand());
        cli.addSubcommand(bench);
        cli.setExecutionExceptionHandler(new UserErrors());
        return cli;
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"reason4j " + BuildInfo.current(), "JDK " + Runtime.version()};
        }
    }
}
