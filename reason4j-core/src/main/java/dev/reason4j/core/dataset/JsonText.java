package dev.reason4j.core.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;

/** Renders JSON values as the text a {@link Problem} holds. */
final class JsonText {

    /** Beyond this many digits a number is written in scientific notation rather than spelled out. */
    private static final int MAX_PLAIN_DIGITS = 60;

    private JsonText() {}

    /**
     * A number as its shortest decimal text: integral values without a fraction ({@code 27.0} → {@code 27}),
     * others without trailing zeros ({@code 0.50} → {@code 0.5}), never in exponent form unless it would
     * need more than 60 digits.
     */
    static String number(JsonNode number) {
        BigDecimal value = number.decimalValue().stripTrailingZeros();
        if (value.signum() == 0) {
            return "0";
        }
        int integerDigits = value.precision() - value.scale();
        if (integerDigits > MAX_PLAIN_DIGITS || value.scale() > MAX_PLAIN_DIGITS) {
            return value.toString();
        }
        return value.toPlainString();
    }

    /** A scalar as text; objects and arrays as compact JSON. Used for meta values. */
    static String any(JsonNode value) {
        if (value.isTextual()) {
            return value.textValue();
        }
        if (value.isNumber()) {
            return number(value);
        }
        if (value.isBoolean()) {
            return Boolean.toString(value.booleanValue());
        }
        return value.toString();
    }
}
