package dev.reason4j.app;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs {@code reason4j} command lines in this JVM, as the launcher would, keeping what they print. */
public final class CliRun {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    /** Runs one command line; what it prints is added to {@link #out()} and {@link #err()}. Returns the exit code. */
    public int run(String... args) {
        CommandLine cli = Reason4j.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    /** Everything the runs printed to standard output. */
    public String out() {
        return out.toString();
    }

    /** Everything the runs printed to standard error. */
    public String err() {
        return err.toString();
    }

    /** Forgets the standard output printed so far. */
    public void clearOut() {
        out.getBuffer().setLength(0);
    }
}
