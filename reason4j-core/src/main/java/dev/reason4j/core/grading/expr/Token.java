package dev.reason4j.core.grading.expr;

/**
 * One lexical token of a LaTeX answer.
 *
 * @param type what kind of token
 * @param text the number's digits, the letter, the command name without backslash, or the punctuation character
 * @param start offset of the token in the normalised answer
 * @param end offset just past the token
 */
record Token(Type type, String text, int start, int end) {

    enum Type {
        NUMBER,
        LETTER,
        /** A run of two or more capital letters: a segment, point or Roman numeral name, kept whole. */
        WORD,
        /** A backslash command such as {@code frac} or {@code pi}, or a function name written without one. */
        COMMAND,
        PUNCT,
        END
    }

    boolean is(String punct) {
        return type == Type.PUNCT && text.equals(punct);
    }

    boolean isCommand(String name) {
        return type == Type.COMMAND && text.equals(name);
    }

    @Override
    public String toString() {
        return type == Type.COMMAND ? "\\" + text : text;
    }
}
