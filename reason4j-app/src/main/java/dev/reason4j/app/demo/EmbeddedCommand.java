package dev.reason4j.app.demo;

import java.io.PrintWriter;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine;

/**
 * Runs another {@code reason4j} command inside the demo exactly as its command line would: its options are parsed
 * from the same arguments, so the demo's parts are the documented commands with their defaults and checks, and
 * the command prints to the demo's output. Failures propagate to the demo unchanged.
 */
final class EmbeddedCommand {

    private EmbeddedCommand() {}

    /**
     * {@code command} with {@code args} parsed into it, ready to run; the line that runs it by hand is printed first.
     *
     * @param name the command's name on the {@code reason4j} command line
     */
    static <T> T parse(T command, String name, List<String> args, PrintWriter printer) {
        printer.println("$ " + commandLine(name, args));
        printer.flush();
        return parse(command, args, printer);
    }

    /** {@code options} (a holder of picocli options and mixins) with {@code args} parsed into it. */
    static <T> T parse(T options, List<String> args, PrintWriter printer) {
        CommandLine cli = new CommandLine(options);
        cli.setOut(printer);
        cli.setErr(printer);
        cli.parseArgs(args.toArray(String[]::new));
        return options;
    }

    /** {@code reason4j name args…} as a shell line. */
    static String commandLine(String name, List<String> args) {
        return "reason4j " + name + " " + args.stream().map(EmbeddedCommand::quoted).collect(Collectors.joining(" "));
    }

    /** A shell word: plain words and paths as they are, others quoted ({@code $'…'} when they hold a newline). */
    static String quoted(String arg) {
        if (arg.matches("[A-Za-z0-9_@%+=:,./-]+")) {
            return arg;
        }
        if (arg.contains("\n")) {
            return "$'" + arg.replace("\\", "\\\\").replace("'", "\\'").replace("\n", "\\n") + "'";
        }
        return "'" + arg.replace("'", "'\\''") + "'";
    }
}
