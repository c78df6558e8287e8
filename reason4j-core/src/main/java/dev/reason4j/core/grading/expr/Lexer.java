package dev.reason4j.core.grading.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Splits a normalised LaTeX answer into tokens. */
final class Lexer {

    /** Names recognised even when written without a backslash ({@code sqrt(2)}, {@code sin x}, {@code 2pi}). */
    static final List<String> BARE_NAMES = List.of(
            "arcsin", "arccos", "arctan", "sinh", "cosh", "tanh", "sqrt", "sin", "cos", "tan", "sec", "csc", "cot",
            "log", "exp", "ln", "pi");

    private static final Set<Character> PUNCT = Set.of(
            '+', '-', '*', '/', '^', '_', '(', ')', '[', ']', '{', '}', '|', ',', ';', ':', '=', '<', '>', '!', '%',
            '\'', '&', '.');

    private Lexer() {}

    static List<Token> lex(String s, Deadline deadline) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            deadline.check();
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (Character.isDigit(c) || (c == '.' && i + 1 < n && Character.isDigit(s.charAt(i + 1)))) {
                int end = scanNumber(s, i);
                out.add(new Token(Token.Type.NUMBER, s.substring(i, end), i, end));
                i = end;
            } else if (c == '\\') {
                i = lexCommand(s, i, out);
            } else if (isAsciiLetter(c)) {
                i = lexLetters(s, i, out);
            } else if (PUNCT.contains(c)) {
                if ((c == '<' || c == '>' || c == '!') && i + 1 < n && s.charAt(i + 1) == '=') {
                    String op = c == '<' ? "le" : c == '>' ? "ge" : "ne";
                    out.add(new Token(Token.Type.COMMAND, op, i, i + 2));
                    i += 2;
                } else {
                    out.add(new Token(Token.Type.PUNCT, String.valueOf(c), i, i + 1));
                    i++;
                }
            } else {
                throw new ParseException("unexpected character '" + c + "' at " + i);
            }
        }
        out.add(new Token(Token.Type.END, "", n, n));
        return out;
    }

    /** Digits with an optional fraction and an optional exponent ({@code 1.5e-3}); {@code 2e} stays 2 times e. */
    private static int scanNumber(String s, int i) {
        int n = s.length();
        int j = i;
        while (j < n && Character.isDigit(s.charAt(j))) {
            j++;
        }
        if (j < n && s.charAt(j) == '.' && j + 1 < n && Character.isDigit(s.charAt(j + 1))) {
            j++;
            while (j < n && Character.isDigit(s.charAt(j))) {
                j++;
            }
        }
        if (j + 1 < n && (s.charAt(j) == 'e' || s.charAt(j) == 'E')) {
            int k = j + 1;
            if (s.charAt(k) == '+' || s.charAt(k) == '-') {
                k++;
            }
            if (k < n && Character.isDigit(s.charAt(k))) {
                while (k < n && Character.isDigit(s.charAt(k))) {
                    k++;
                }
                return k;
            }
        }
        return j;
    }

    private static int lexCommand(String s, int i, List<Token> out) {
        int n = s.length();
        if (i + 1 >= n) {
            throw new ParseException("dangling backslash");
        }
        char c = s.charAt(i + 1);
        if (isAsciiLetter(c)) {
            int j = i + 1;
            while (j < n && isAsciiLetter(s.charAt(j))) {
                j++;
            }
            out.add(new Token(Token.Type.COMMAND, s.substring(i + 1, j), i, j));
            return j;
        }
        String name = switch (c) {
            case '{' -> "lbrace";
            case '}' -> "rbrace";
            case '\\' -> "newline";
            case '|' -> "Vert";
            case '%' -> null;
            default -> throw new ParseException("unknown command \\" + c);
        };
        if (name == null) {
            out.add(new Token(Token.Type.PUNCT, "%", i, i + 2));
        } else {
            out.add(new Token(Token.Type.COMMAND, name, i, i + 2));
        }
        return i + 2;
    }

    /**
     * Letters: function names become commands, runs of capitals stay whole (segment {@code AB}, numeral {@code IV}),
     * and everything else is one variable per letter, so {@code 2ab} is {@code 2·a·b}.
     */
    private static int lexLetters(String s, int i, List<Token> out) {
        int n = s.length();
        int j = i;
        while (j < n && isAsciiLetter(s.charAt(j))) {
            j++;
        }
        String run = s.substring(i, j);
        int k = 0;
        while (k < run.length()) {
            String fn = functionAt(run, k);
            if (fn != null) {
                out.add(new Token(Token.Type.COMMAND, fn, i + k, i + k + fn.length()));
                k += fn.length();
                continue;
            }
            char c = run.charAt(k);
            if (Character.isUpperCase(c)) {
                int m = k;
                while (m < run.length() && Character.isUpperCase(run.charAt(m))) {
                    m++;
                }
                if (m - k >= 2) {
                    out.add(new Token(Token.Type.WORD, run.substring(k, m), i + k, i + m));
                    k = m;
                    continue;
                }
            }
            out.add(new Token(Token.Type.LETTER, String.valueOf(c), i + k, i + k + 1));
            k++;
        }
        return j;
    }

    private static String functionAt(String run, int k) {
        for (String fn : BARE_NAMES) {
            if (run.startsWith(fn, k)) {
                return fn;
            }
        }
        return null;
    }

    static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
