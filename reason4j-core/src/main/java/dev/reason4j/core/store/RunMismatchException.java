package dev.reason4j.core.store;

import java.nio.file.Path;
import java.util.List;

/**
 * A run directory already holds a different job than the one being started; resuming it would mix results.
 * The message lists every difference and says that a new run directory is needed.
 */
public final class RunMismatchException extends RunStoreException {

    private final List<String> differences;

    public RunMismatchException(Path dir, List<String> differences) {
        super("run directory " + dir + " already holds a different job, so it cannot be resumed:\n  - "
                + String.join("\n  - ", differences)
                + "\nUse a new run directory for this job (or delete " + dir + " to discard the old run).");
        this.differences = List.copyOf(differences);
    }

    /** What differs between the stored run and the new job, one line each. */
    public List<String> differences() {
        return differences;
    }
}
