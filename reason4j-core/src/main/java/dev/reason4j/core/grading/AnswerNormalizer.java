package dev.reason4j.core.grading;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * String-level clean-up of an extracted answer before it is parsed: math delimiters, {@code \left}/{@code \right},
 * thin spaces, thousands separators, dollar signs, degree marks, {@code \text{…}} wrappers, trailing units and
 * punctuation.
 *
 * <p>It is deliberately conservative where current graders break answers: a unit is removed only after a number
 * and never when it is a command ({@code \sec x} stays) or a single letter ({@code 2s} stays a product); a comma
 * is a thousands separator only between groups of exactly three digits, outside brackets ({@code (1,100)} stays a
 * pair); a trailing period is dropped but decimals are kept.
 */
public final class AnswerNormalizer {

    /** Unit words removed when they follow a number; single letters are never units (they are variables). */
    private static final Set<String> UNITS = Set.of(
            "cm", "mm", "km", "dm", "m", "meter", "meters", "metre", "metres", "inch", "inches", "in", "ft", "feet",
            "foot", "yd", "yard", "yards", "mile", "miles", "kg", "g", "gram", "grams", "mg", "lb", "lbs", "pound",
            "pounds", "oz", "ounce", "ounces", "l", "ml", "liter", "liters", "litre", "litres", "gallon", "gallons",
            "s", "sec", "second", "seconds", "min", "mins", "minute", "minutes", "h", "hr", "hrs", "hour", "hours",
            "day", "days", "week", "weeks", "month", "months", "year", "years", "mph", "kph", "kmh", "dollar",
            "dollars", "cent", "cents", "usd", "unit", "units", "sq", "square", "cubic", "degree", "degrees", "deg",
            "radian", "radians", "rad", "cm2", "m2", "km2", "cm3", "m3");

    private static final List<String[]> UNICODE = List.of(
            new String[] {"\u2212", "-"}, new String[] {"\u2013", "-"}, new String[] {"\u00d7", "\\times "},
            new String[] {"\u00f7", "\\div "}, new String[] {"\u22c5", "\\cdot "}, new String[] {"\u00b7", "\\cdot "},
            new String[] {"\u03c0", "\\pi "}, new String[] {"\u221a", "\\sqrt"}, new String[] {"\u221e", "\\infty "},
            new String[] {"\u2264", "\\le "}, new String[] {"\u2265", "\\ge "}, new String[] {"\u2260", "\\ne "},
            new String[] {"\u00b1", "\\pm "}, new String[] {"\u222a", "\\cup "}, new String[] {"\u2208", "\\in "},
            new String[] {"\u00b0", ""}, new String[] {"\u00b2", "^2"}, new String[] {"\u00b3", "^3"},
            new String[] {"\u2009", " "}, new String[] {"\u00a0", " "}, new String[] {"\u202f", " "});

    private static final Pattern SIZE_COMMANDS =
            Pattern.compile("\\\\(?:left|right|bigl|bigr|Bigl|Bigr|biggl|biggr|Biggl|Biggr|big|Big|bigg|Bigg)(?![a-zA-Z])\\.?");
    private static final Pattern STYLE_COMMANDS =
            Pattern.compile("\\\\(?:displaystyle|textstyle|scriptstyle|limits|nolimits|!)(?![a-zA-Z])");
    private static final Pattern THIN_SPACE_THOUSANDS = Pattern.compile("(\\d)(?:\\\\[,;: ]|\\{,\\}|,\\\\!|~)(?=\\d{3}(?!\\d))");
    private static final Pattern COMMA_THOUSANDS =
            Pattern.compile("(?<![\\w.,(\\[]\\s{0,3})(?<!\\\\\\{\\s{0,3})([1-9]\\d{0,2}(?:,\\d{3})+)(?!,?\\d)");
    private static final Pattern SPACES = Pattern.compile("(?<!\\\\)\\\\(?:,|;|:| |quad|qquad|enspace|thinspace)|~");
    private static final Pattern DEGREES =
            Pattern.compile("\\^\\s*\\{\\s*\\\\circ\\s*\\}|\\^\\s*\\\\circ|\\\\circ|\\\\degree|\\^\\s*\\{\\s*\\}");
    private static final Pattern PHANTOM = Pattern.compile("\\\\[hv]?phantom\\s*(?:\\{[^{}]*}|\\S)");
    private static final Pattern LEADING_RELATION = Pattern.compile("^(?:\\\\approx|\\\\sim|=)\\s*");
    private static final Pattern TEXT_WRAPPER =
            Pattern.compile("\\\\(?:text|textbf|textit|textrm|mbox|mathrm|mathit|textnormal|textsf|texttt)\\s*\\{");
    private static final Pattern CONNECTOR = Pattern.compile("\\s+(?:or|and)\\s+|\\\\(?:text|mbox)\\{\\s*(?:or|and)\\s*\\}");
    private static final Pattern WORD_PERCENT = Pattern.compile("\\s*(?:percent|per cent)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern TRAILING_UNIT = Pattern.compile(
            "\\s*\\{?\\s*([a-zA-Z]+(?:\\s*/\\s*[a-zA-Z]+)?)\\s*}?\\s*(?:\\^\\s*\\{?\\s*[23]\\s*}?)?\\s*$");
    private static final Pattern TRAILING_WORDS = Pattern.compile("\\s+((?:[a-zA-Z]{3,}\\s*)+)$");
    private static final Pattern ONLY_WORDS = Pattern.compile("[A-Za-z][A-Za-z\\s'\\-]*");
    private static final Pattern LONG_RUN = Pattern.compile("[A-Za-z]{3,}");

    private AnswerNormalizer() {}

    /**
     * Cleans an answer for parsing. The result may still be text: {@link #isText} tells.
     *
     * @param answer an extracted answer, possibly wrapped in {@code $…$} or {@code \boxed{…}}
     * @return the cleaned answer
     */
    public static String normalize(String answer) {
        String s = answer.strip();
        s = unwrapBoxed(s);
        for (String[] u : UNICODE) {
            s = s.replace(u[0], u[1]);
        }
        s = s.replace("\\$", "").replace("$", "");
        s = s.replace("\\(", "").replace("\\)", "").replace("\\[", "").replace("\\]", "");
        s = SIZE_COMMANDS.matcher(s).replaceAll("");
        s = s.replace("\\dfrac", "\\frac").replace("\\tfrac", "\\frac");
        s = s.replace("\\dbinom", "\\binom").replace("\\tbinom", "\\binom");
        s = THIN_SPACE_THOUSANDS.matcher(s).replaceAll("$1");
        s = STYLE_COMMANDS.matcher(s).replaceAll("");
        s = PHANTOM.matcher(s).replaceAll("");
        s = SPACES.matcher(s).replaceAll(" ");
        s = DEGREES.matcher(s).replaceAll("");
        s = s.replace("\\%", "%");
        s = WORD_PERCENT.matcher(s).replaceAll("%");
        s = unwrapText(s);
        s = stripUnits(s);
        s = COMMA_THOUSANDS.matcher(s).replaceAll(m -> m.group(1).replace(",", ""));
        if (s.matches(".*[\\d\\\\].*")) {
            s = CONNECTOR.matcher(s).replaceAll(", ").replaceAll(",\\s*,", ",");
        }
        s = stripTrailingPunctuation(s);
        s = LEADING_RELATION.matcher(s.strip()).replaceAll("");
        return s.replaceAll("\\s+", " ").strip();
    }

    /** Whether a normalised answer is words rather than math ({@code Monday}, {@code east}, not {@code 2ab}). */
    public static boolean isText(String normalised) {
        if (!ONLY_WORDS.matcher(normalised).matches()) {
            return false;
        }
        Matcher m = LONG_RUN.matcher(normalised);
        while (m.find()) {
            if (!isMathName(m.group())) {
                return true;
            }
        }
        return false;
    }

    /** Text for case- and space-insensitive comparison. */
    public static String canonicalText(String s) {
        String t = s.toLowerCase(Locale.ROOT).replaceAll("\\\\[a-z]+\\{([^{}]*)}", "$1").replaceAll("[\\s{}]", "");
        return t.replaceAll("^[.,;:]+|[.,;:]+$", "");
    }

    private static boolean isMathName(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        return w.equals("pi") || w.equals("infty") || w.matches("(arc)?(sin|cos|tan|sec|csc|cot)h?|log|ln|exp|sqrt");
    }

    private static String unwrapBoxed(String s) {
        for (String box : List.of("\\boxed", "\\fbox")) {
            if (s.startsWith(box)) {
                int open = s.indexOf('{', box.length());
                if (open >= 0 && s.substring(box.length(), open).isBlank()) {
                    int close = AnswerExtractor.matchingBrace(s, open);
                    if (close == s.length() - 1) {
                        return s.substring(open + 1, close).strip();
                    }
                }
            }
        }
        return s;
    }

    /**
     * {@code \text{…}} after math is a unit and goes; a connector ({@code \text{ or }}) becomes a comma (later);
     * anywhere else the wrapper goes and the words stay.
     */
    private static String unwrapText(String s) {
        Matcher m = TEXT_WRAPPER.matcher(s);
        StringBuilder out = new StringBuilder();
        int from = 0;
        while (m.find(from)) {
            int open = m.end() - 1;
            int close = AnswerExtractor.matchingBrace(s, open);
            if (close < 0) {
                break;
            }
            String inner = s.substring(open + 1, close);
            String before = s.substring(from, m.start());
            out.append(before);
            String after = s.substring(close + 1).strip();
            boolean trailingUnit = isUnitText(inner) && endsWithNumber(out) && after.matches("(\\^\\s*\\{?\\s*[23]\\s*\\}?)?\\s*[.,]?");
            if (inner.strip().matches("(?i)or|and")) {
                out.append(" ").append(inner.strip()).append(" ");
            } else if (!trailingUnit) {
                out.append(inner);
            } else if (!after.isEmpty()) {
                close = s.length() - 1; // the unit's exponent goes with it
            }
            from = close + 1;
        }
        out.append(s.substring(Math.min(from, s.length())));
        return out.toString();
    }

    private static boolean isUnitText(String inner) {
        String t = inner.strip();
        return t.length() > 1 && t.matches("[a-zA-Z][a-zA-Z .]*(\\s*/\\s*[a-zA-Z.]+)?|[a-zA-Z]+\\^\\{?[23]\\}?");
    }

    /** Whether a unit could follow: the text ends with a number, a closing group or π (not {@code \ge}, not a letter). */
    private static boolean endsWithNumber(CharSequence s) {
        String t = s.toString().strip();
        return !t.isEmpty() && (Character.isDigit(t.charAt(t.length() - 1)) || t.endsWith("}") || t.endsWith(")")
                || t.endsWith("\\pi") || t.endsWith("%"));
    }

    private static String stripUnits(String s) {
        String prev;
        do {
            prev = s;
            Matcher m = TRAILING_UNIT.matcher(s);
            if (m.find() && isUnitAt(s, m.group(1), m.start(1)) && endsWithNumber(s.substring(0, m.start()))) {
                s = s.substring(0, m.start()).stripTrailing();
                continue;
            }
            Matcher w = TRAILING_WORDS.matcher(s);
            if (w.find() && endsWithNumber(s.substring(0, w.start()))
                    && !w.group(1).strip().split("\\s+")[0].matches("(?i)or|and")
                    && !isMathName(w.group(1).strip().split("\\s+")[0])) {
                s = s.substring(0, w.start()).stripTrailing();
            }
        } while (!s.equals(prev));
        return s;
    }

    /** A unit word, not a command ({@code \sec}); a one-letter unit only after a space ({@code 5 m}, not {@code 2s}). */
    private static boolean isUnitAt(String s, String word, int index) {
        String w = word.toLowerCase(Locale.ROOT).replaceAll("\\s*/.*", "");
        if (!UNITS.contains(w) || (index > 0 && s.charAt(index - 1) == '\\')) {
            return false;
        }
        return w.length() > 1 || (index > 0 && Character.isWhitespace(s.charAt(index - 1)));
    }

    private static String stripTrailingPunctuation(String s) {
        String t = s.strip();
        while (!t.isEmpty() && ".,;:".indexOf(t.charAt(t.length() - 1)) >= 0) {
            t = t.substring(0, t.length() - 1).strip();
        }
        return t;
    }
}
