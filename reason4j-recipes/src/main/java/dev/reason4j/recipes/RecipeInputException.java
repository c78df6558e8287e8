package dev.reason4j.recipes;

import dev.reason4j.core.dataset.JsonRecord;
import java.nio.file.Path;

/**
 * A recipe's input file has a record it cannot use. The message names the file, the record's line and the field:
 * {@code runs/r1/results.jsonl line 17, field 'tree.nodes[3].Q': not a number}. It is an
 * {@link IllegalArgumentException} so that the CLI reports it as a user error.
 */
public final class RecipeInputException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public RecipeInputException(String message) {
        super(message);
    }

    public RecipeInputException(String message, Throwable cause) {
        super(message, cause);
    }

    /** A problem with one field of one record. */
    public static RecipeInputException at(Path file, JsonRecord record, String field, String reason) {
        return new RecipeInputException(file + " " + record.location() + (field == null ? "" : ", field '" + field + "'")
                + ": " + reason);
    }
}
