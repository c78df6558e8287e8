package dev.reason4j.spark;

import dev.reason4j.core.dataset.DatasetException;
import dev.reason4j.core.store.RunMismatchException;
import picocli.CommandLine;

/**
 * Failures a user can fix (a bad input line, a run directory holding another job, a bad option value) as one line
 * on standard error and exit code 2, as {@code reason4j} reports them; anything else keeps its stack trace.
 * {@code REASON4J_DEBUG=1} shows stack traces of user errors too.
 */
final class UserErrors implements CommandLine.IExecutionExceptionHandler {

    static final int USER_ERROR = 2;

    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) throws Exception {
        boolean userError = e instanceof DatasetException || e instanceof RunMismatchException
                || e instanceof IllegalArgumentException;
        if (!userError || System.getenv("REASON4J_DEBUG") != null) {
            throw e;
        }
        cmd.getErr().println(cmd.getCommandName() + ": " + e.getMessage());
        cmd.getErr().flush();
        return USER_ERROR;
    }
}
