package dev.reason4j.app;

import dev.reason4j.core.dataset.DatasetException;
import dev.reason4j.core.store.RunMismatchException;
import dev.reason4j.core.store.RunStoreException;
import dev.reason4j.torch.CheckpointException;
import picocli.CommandLine;

/**
 * Turns the failures a user can fix (a bad input line, a run directory holding another job, a bad option value)
 * into one clear line on standard error and exit code 2; anything else is a bug and keeps its stack trace.
 * Set {@code REASON4J_DEBUG=1} to see stack traces of user errors too.
 */
final class UserErrors implements CommandLine.IExecutionExceptionHandler {

    static final int USER_ERROR = 2;

    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) throws Exception {
        if (!isUserError(e) || System.getenv("REASON4J_DEBUG") != null) {
            throw e;
        }
        cmd.getErr().println("reason4j " + cmd.getCommandName() + ": " + e.getMessage());
        cmd.getErr().flush();
        return USER_ERROR;
    }

    private static boolean isUserError(Exception e) {
        return e instanceof DatasetException
                || e instanceof RunMismatchException
                || e instanceof RunStoreException
                || e instanceof IllegalArgumentException
                || e instanceof CheckpointException
                || e instanceof java.nio.file.NoSuchFileException;
    }
}
