package dev.reason4j.lm.train.data;

/**
 * A field of one record is missing, of the wrong type or unusable. Record mappers throw it without knowing where
 * the record is; {@link TrainingDataReader} adds the file and line.
 */
final class BadField extends RuntimeException {

    private final String field;
    private final String reason;

    BadField(String field, String reason) {
        super(field + ": " + reason, null, false, false);
        this.field = field;
        this.reason = reason;
    }

    String field() {
        return field;
    }

    String reason() {
        return reason;
    }
}
