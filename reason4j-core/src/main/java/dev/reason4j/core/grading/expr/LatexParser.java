package dev.reason4j.core.grading.expr;

import dev.reason4j.core.grading.expr.Expr.AnswerList;
import dev.reason4j.core.grading.expr.Expr.BaseNumber;
import dev.reason4j.core.grading.expr.Expr.Bracketed;
import dev.reason4j.core.grading.expr.Expr.Const;
import dev.reason4j.core.grading.expr.Expr.Func;
import dev.reason4j.core.grading.expr.Expr.Matrix;
import dev.reason4j.core.grading.expr.Expr.Mul;
import dev.reason4j.core.grading.expr.Expr.Num;
import dev.reason4j.core.grading.expr.Expr.Percent;
import dev.reason4j.core.grading.expr.Expr.PlusMinus;
import dev.reason4j.core.grading.expr.Expr.Pow;
import dev.reason4j.core.grading.expr.Expr.RelOp;
import dev.reason4j.core.grading.expr.Expr.Relation;
import dev.reason4j.core.grading.expr.Expr.SetBuilder;
import dev.reason4j.core.grading.expr.Expr.SetLit;
import dev.reason4j.core.grading.expr.Expr.Sym;
import dev.reason4j.core.grading.expr.Expr.Union;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A recursive-descent parser from a normalised LaTeX answer to an {@link Expr}.
 *
 * <p>Precedence, loosest first: answer list ({@code ,} {@code ;}) → union ({@code \cup}) → relation chain
 * ({@code = < \le …}) → sum ({@code + - \pm}) → product (explicit or implicit) → unary sign → power → postfix
 * ({@code ! % '} and subscripts) → primary. TeX conventions are kept where they decide a value: {@code \frac12} is
 * one half, {@code 3\frac12} is a mixed number, {@code \sin 2x} is {@code sin(2x)} and {@code \sin x \cos x} a
 * product of two functions. A plain-text exponent keeps all its digits ({@code 2^10} is 1024).
 */
public final class LatexParser {

    private static final int MAX_DEPTH = 200;

    private static final Set<String> GREEK = Set.of(
            "alpha", "beta", "gamma", "delta", "epsilon", "varepsilon", "zeta", "eta", "theta", "vartheta", "iota",
            "kappa", "lambda", "mu", "nu", "xi", "rho", "varrho", "sigma", "varsigma", "tau", "upsilon", "phi",
            "varphi", "chi", "psi", "omega", "Gamma", "Delta", "Theta", "Lambda", "Xi", "Pi", "Sigma", "Upsilon",
            "Phi", "Psi", "Omega", "ell");

    /** Functions of one argument, by command name, mapped to the evaluator's name. */
    private static final Map<String, String> FUNCTIONS = Map.ofEntries(
            Map.entry("sin", "sin"), Map.entry("cos", "cos"), Map.entry("tan", "tan"), Map.entry("sec", "sec"),
            Map.entry("csc", "csc"), Map.entry("cot", "cot"), Map.entry("arcsin", "arcsin"),
            Map.entry("arccos", "arccos"), Map.entry("arctan", "arctan"), Map.entry("sinh", "sinh"),
            Map.entry("cosh", "cosh"), Map.entry("tanh", "tanh"), Map.entry("ln", "ln"), Map.entry("log", "log"),
            Map.entry("lg", "log10"), Map.entry("exp", "exp"));

    private static final Map<String, String> INVERSE_TRIG = Map.of("sin", "arcsin", "cos", "arccos", "tan", "arctan");

    /** Decorations whose argument names a single object: {@code \vec{a}} and {@code \overrightarrow{a}} are the same. */
    private static final Set<String> VECTOR_MARKS = Set.of(
            "vec", "overrightarrow", "mathbf", "boldsymbol", "bm", "overline", "overleftrightarrow");

    private static final Set<String> NAME_WRAPPERS = Set.of(
            "text", "textbf", "textit", "textrm", "mathrm", "mathit", "mbox", "operatorname", "mathsf", "texttt",
            "hat", "widehat", "tilde", "widetilde", "bar", "dot", "ddot", "mathbb", "mathcal", "mathfrak", "check");

    private static final Map<String, RelOp> RELATIONS = Map.ofEntries(
            Map.entry("le", RelOp.LE), Map.entry("leq", RelOp.LE), Map.entry("leqslant", RelOp.LE),
            Map.entry("ge", RelOp.GE), Map.entry("geq", RelOp.GE), Map.entry("geqslant", RelOp.GE),
            Map.entry("lt", RelOp.LT), Map.entry("gt", RelOp.GT), Map.entry("ne", RelOp.NE),
            Map.entry("neq", RelOp.NE), Map.entry("approx", RelOp.EQ), Map.entry("equiv", RelOp.EQ),
            Map.entry("in", RelOp.IN));

    /** Commands that never start an operand, so implicit multiplication stops before them. */
    private static final Set<String> NON_OPERANDS = Set.of(
            "cdot", "times", "div", "pm", "mp", "cup", "cap", "mid", "newline", "end", "rbrace", "rangle", "rfloor",
            "rceil", "rvert", "rVert", "to", "setminus", "ast", "colon", "quad", "qquad");

    private final List<Token> tokens;
    private final String source;
    private final Deadline deadline;
    private int pos;
    private int depth;
    private int absDepth;
    private boolean barSeparates;

    private LatexParser(String source, Deadline deadline) {
        this.source = source;
        this.deadline = deadline;
        this.tokens = new ArrayList<>(Lexer.lex(source, deadline));
    }

    /** Parses a normalised answer; throws {@link ParseException} when it is not well-formed math. */
    public static Expr parse(String normalised, Deadline deadline) {
        LatexParser p = new LatexParser(normalised, deadline);
        Expr e = p.parseAnswer();
        if (p.peek().type() != Token.Type.END) {
            throw new ParseException("unexpected '" + p.peek() + "' at " + p.peek().start());
        }
        return e;
    }

    // ---- structure -------------------------------------------------------------------------------------------

    private Expr parseAnswer() {
        List<Expr> items = new ArrayList<>();
        items.add(parseItem());
        while (peek().is(",") || peek().is(";")) {
            next();
            if (peek().type() == Token.Type.END) {
                break;
            }
            items.add(parseItem());
        }
        return items.size() == 1 ? items.getFirst() : new AnswerList(items);
    }

    private Expr parseItem() {
        Expr first = parseRelation();
        if (!peek().isCommand("cup")) {
            return first;
        }
        List<Expr> parts = new ArrayList<>(List.of(first));
        while (peek().isCommand("cup")) {
            next();
            parts.add(parseRelation());
        }
        return new Union(parts);
    }

    private Expr parseRelation() {
        int startToken = pos;
        Expr first = parseAdditive();
        RelOp op = relationAt(peek());
        if (op == null) {
            return first;
        }
        List<Expr> operands = new ArrayList<>(List.of(first));
        List<RelOp> ops = new ArrayList<>();
        List<String> texts = new ArrayList<>(List.of(textOf(startToken, pos)));
        while ((op = relationAt(peek())) != null) {
            next();
            ops.add(op);
            int from = pos;
            operands.add(parseAdditive());
            texts.add(textOf(from, pos));
        }
        return new Relation(operands, ops, texts);
    }

    private static RelOp relationAt(Token t) {
        if (t.type() == Token.Type.PUNCT) {
            return switch (t.text()) {
                case "=" -> RelOp.EQ;
                case "<" -> RelOp.LT;
                case ">" -> RelOp.GT;
                default -> null;
            };
        }
        return t.type() == Token.Type.COMMAND ? RELATIONS.get(t.text()) : null;
    }

    // ---- arithmetic ------------------------------------------------------------------------------------------

    private Expr parseAdditive() {
        List<Expr> terms = new ArrayList<>();
        Expr leadingPm = null;
        if (peek().is("+")) {
            next();
        } else if (peek().is("-")) {
            next();
            terms.add(Expr.negate(parseTerm()));
        } else if (peek().isCommand("pm") || peek().isCommand("mp")) {
            next();
            leadingPm = new PlusMinus(null, parseTerm());
        }
        if (leadingPm != null) {
            terms.add(leadingPm);
        } else if (terms.isEmpty()) {
            terms.add(parseTerm());
        }
        while (true) {
            deadline.check();
            Token t = peek();
            if (t.is("+")) {
                next();
                terms.add(parseTerm());
            } else if (t.is("-")) {
                next();
                terms.add(Expr.negate(parseTerm()));
            } else if (t.isCommand("pm") || t.isCommand("mp")) {
                next();
                Expr left = sum(terms);
                terms.clear();
                terms.add(new PlusMinus(left, parseTerm()));
            } else {
                return sum(terms);
            }
        }
    }

    private static Expr sum(List<Expr> terms) {
        return terms.size() == 1 ? terms.getFirst() : new Expr.Add(terms);
    }

    private Expr parseTerm() {
        List<Expr> factors = new ArrayList<>();
        factors.add(parseUnary());
        while (true) {
            deadline.check();
            Token t = peek();
            if (t.is("*") || t.isCommand("cdot") || t.isCommand("times") || t.isCommand("ast")) {
                next();
                factors.add(parseUnary());
            } else if (t.is("/") || t.isCommand("div") || (t.is(":") && !barSeparates)) { // a ratio 5:6 is 5/6
                next();
                factors.add(Expr.reciprocal(parseUnary()));
            } else if (startsOperand(t)) {
                factors.add(parsePower());
            } else {
                return factors.size() == 1 ? factors.getFirst() : new Mul(factors);
            }
        }
    }

    private Expr parseUnary() {
        if (peek().is("-")) {
            next();
            return Expr.negate(parseUnary());
        }
        if (peek().is("+")) {
            next();
            return parseUnary();
        }
        return parsePower();
    }

    private Expr parsePower() {
        Expr base = parsePostfix();
        if (!peek().is("^")) {
            return base;
        }
        next();
        Expr exponent = parseExponent();
        if (peek().is("^")) { // a^b^c reads as a^(b^c)
            next();
            exponent = new Pow(exponent, parseExponent());
        }
        return withPostfix(new Pow(base, exponent));
    }

    /** A superscript: a braced group, a whole plain number, a signed single token, or one command. */
    private Expr parseExponent() {
        Token t = peek();
        if (t.type() == Token.Type.NUMBER) {
            next();
            return number(t.text());
        }
        if (t.is("-")) {
            next();
            return Expr.negate(parseExponent());
        }
        if (t.is("(")) {
            return parsePrimary();
        }
        return parseArgument();
    }

    private Expr parsePostfix() {
        return withPostfix(parsePrimary());
    }

    private Expr withPostfix(Expr e) {
        while (true) {
            Token t = peek();
            if (t.is("!")) {
                next();
                e = new Func("factorial", List.of(e));
            } else if (t.is("%")) {
                next();
                e = new Percent(e);
            } else if (t.is("'") && e instanceof Sym s) {
                next();
                e = new Sym(s.name() + "'");
            } else {
                return e;
            }
        }
    }

    private boolean startsOperand(Token t) {
        return switch (t.type()) {
            case NUMBER, LETTER, WORD -> true;
            case PUNCT -> t.is("(") || t.is("{") || (t.is("|") && absDepth == 0 && !barSeparates);
            case COMMAND -> !NON_OPERANDS.contains(t.text()) && !RELATIONS.containsKey(t.text());
            case END -> false;
        };
    }

    // ---- primaries -------------------------------------------------------------------------------------------

    private Expr parsePrimary() {
        deadline.check();
        if (++depth > MAX_DEPTH) {
            throw new ParseException("answer nested too deeply");
        }
        try {
            Token t = next();
            return switch (t.type()) {
                case NUMBER -> numberOrMixed(t);
                case LETTER -> subscripted(letter(t.text().charAt(0)));
                case WORD -> new Sym(t.text());
                case COMMAND -> command(t);
                case PUNCT -> punctuation(t);
                case END -> throw new ParseException("answer ends early");
            };
        } finally {
            depth--;
        }
    }

    private Expr numberOrMixed(Token t) {
        Expr n = number(t.text());
        if (peek().is("_")) {
            next();
            return new BaseNumber(t.text(), baseOf(parseArgument()));
        }
        if (n instanceof Num whole && whole.value().isInteger() && !t.text().contains(".") && peek().isCommand("frac")) {
            int save = pos;
            next();
            Expr numerator = parseArgument();
            Expr denominator = parseArgument();
            if (isPlainInteger(numerator) && isPlainInteger(denominator)) {
                BigRational frac = ((Num) numerator).value().divide(((Num) denominator).value());
                return new Num(whole.value().add(frac), 0);
            }
            pos = save;
        }
        return n;
    }

    private static boolean isPlainInteger(Expr e) {
        return e instanceof Num n && n.value().isInteger() && n.value().signum() >= 0 && !n.approximate();
    }

    private static int baseOf(Expr e) {
        if (e instanceof Num n && n.value().isInteger() && n.value().num().intValue() >= 2
                && n.value().num().intValue() <= 36) {
            return n.value().num().intValue();
        }
        throw new ParseException("a number's subscript must be a base from 2 to 36");
    }

    static Num number(String text) {
        return new Num(BigRational.parseDecimal(text), Math.max(0, new java.math.BigDecimal(text).scale()));
    }

    private static Expr letter(char c) {
        return switch (c) {
            case 'e' -> new Const(Const.Kind.E);
            case 'i' -> new Const(Const.Kind.I);
            default -> new Sym(String.valueOf(c));
        };
    }

    /** {@code a_1}, {@code x_{n}}, {@code e_1}: a subscript makes a new name. */
    private Expr subscripted(Expr base) {
        if (!peek().is("_")) {
            return base;
        }
        next();
        int from = pos;
        parseArgument();
        String name = base instanceof Sym s ? s.name() : base instanceof Const c ? constName(c) : base.toString();
        return new Sym(name + "_" + stripBraces(textOf(from, pos)));
    }

    private static String constName(Const c) {
        return switch (c.kind()) {
            case E -> "e";
            case I -> "i";
            case PI -> "\\pi";
            case INFINITY -> "\\infty";
        };
    }

    private Expr punctuation(Token t) {
        return switch (t.text()) {
            case "(" -> bracketed('(');
            case "[" -> bracketed('[');
            case "{" -> braceGroup();
            case "|" -> absoluteValue("|");
            default -> throw new ParseException("unexpected '" + t.text() + "' at " + t.start());
        };
    }

    private Expr command(Token t) {
        String name = t.text();
        if (GREEK.contains(name)) {
            return subscripted(new Sym("\\" + name));
        }
        if (FUNCTIONS.containsKey(name)) {
            return function(FUNCTIONS.get(name));
        }
        if (VECTOR_MARKS.contains(name)) {
            int from = pos;
            parseArgument();
            return new Sym("vec(" + stripBraces(textOf(from, pos)).replace(" ", "") + ")");
        }
        if (NAME_WRAPPERS.contains(name)) {
            return wrappedName();
        }
        return switch (name) {
            case "pi" -> new Const(Const.Kind.PI);
            case "infty", "infinity" -> new Const(Const.Kind.INFINITY);
            case "frac", "cfrac" -> {
                Expr numerator = parseArgument();
                Expr denominator = parseArgument();
                yield new Mul(List.of(numerator, Expr.reciprocal(denominator)));
            }
            case "sqrt" -> sqrt();
            case "binom" -> new Func("binom", List.of(parseArgument(), parseArgument()));
            case "lfloor" -> enclosed("floor", "rfloor");
            case "lceil" -> enclosed("ceil", "rceil");
            case "lvert", "vert" -> absoluteValue(name.equals("lvert") ? "rvert" : "vert");
            case "langle" -> bracketedUntil('<', "rangle");
            case "lbrace" -> setLiteral();
            case "emptyset", "varnothing" -> new SetLit(List.of());
            case "begin" -> matrix();
            case "ldots", "cdots", "dots" -> new Sym("...");
            default -> new Sym("\\" + name);
        };
    }

    /** {@code \text{…}} and friends left after normalisation: a known constant or function, else an opaque name. */
    private Expr wrappedName() {
        int from = pos;
        parseRawArgument();
        String raw = stripBraces(textOf(from, pos)).trim();
        return switch (raw) {
            case "e" -> new Const(Const.Kind.E);
            case "i" -> new Const(Const.Kind.I);
            default -> FUNCTIONS.containsKey(raw) ? function(FUNCTIONS.get(raw)) : new Sym(raw.replace(" ", ""));
        };
    }

    /** Skips one argument without interpreting it (its text becomes a name). */
    private void parseRawArgument() {
        if (!peek().is("{")) {
            next();
            return;
        }
        int level = 0;
        do {
            Token t = next();
            if (t.type() == Token.Type.END) {
                throw new ParseException("unbalanced braces");
            }
            if (t.is("{")) {
                level++;
            } else if (t.is("}")) {
                level--;
            }
        } while (level > 0);
    }

    private Expr function(String fn) {
        Expr power = null;
        Expr logBase = null;
        if (fn.equals("log") && peek().is("_")) {
            next();
            logBase = parseArgument();
        }
        if (peek().is("^")) {
            next();
            power = parseExponent();
        }
        Expr arg = functionArgument();
        if (power instanceof Num p && p.value().equals(BigRational.ONE.negate()) && INVERSE_TRIG.containsKey(fn)) {
            return new Func(INVERSE_TRIG.get(fn), List.of(arg));
        }
        Expr applied = logBase == null ? new Func(fn, List.of(arg)) : new Func("log", List.of(logBase, arg));
        return power == null ? applied : new Pow(applied, power);
    }

    /** {@code \sin(x+1)}, {@code \sin 2x}, {@code \sec \frac12 \theta}; stops before another function. */
    private Expr functionArgument() {
        if (peek().is("(")) {
            return parsePower();
        }
        List<Expr> factors = new ArrayList<>();
        factors.add(parsePower());
        while (startsOperand(peek()) && !isFunctionCommand(peek())) {
            factors.add(parsePower());
        }
        return factors.size() == 1 ? factors.getFirst() : new Mul(factors);
    }

    private static boolean isFunctionCommand(Token t) {
        return t.type() == Token.Type.COMMAND && FUNCTIONS.containsKey(t.text());
    }

    private Expr sqrt() {
        Expr index = null;
        if (peek().is("[")) {
            next();
            index = parseAdditive();
            expect("]");
        }
        Expr radicand = parseArgument();
        return index == null ? new Func("sqrt", List.of(radicand)) : new Func("root", List.of(index, radicand));
    }

    /**
     * A TeX macro argument: a braced group, a single digit of a number ({@code \frac12}), a letter, or one
     * command with its own arguments ({@code \frac\pi2}, {@code \sqrt\frac12}).
     */
    private Expr parseArgument() {
        Token t = peek();
        if (t.is("{")) {
            next();
            Expr inner = parseAnswerUntil("}");
            expect("}");
            return inner;
        }
        if (t.type() == Token.Type.NUMBER) {
            if (t.text().length() == 1) {
                next();
                return number(t.text());
            }
            // Split the number: the argument is its first digit, the rest stays for what follows.
            tokens.set(pos, new Token(Token.Type.NUMBER, t.text().substring(1), t.start() + 1, t.end()));
            return number(t.text().substring(0, 1));
        }
        if (t.type() == Token.Type.LETTER) {
            next();
            return letter(t.text().charAt(0));
        }
        if (t.type() == Token.Type.COMMAND || t.type() == Token.Type.WORD) {
            return parsePrimary();
        }
        throw new ParseException("missing argument at " + t.start());
    }

    /** Inside a group: one item, or a comma list (which makes the group a set when it is a brace group). */
    private Expr parseAnswerUntil(String close) {
        if (peek().is(close)) {
            throw new ParseException("empty group");
        }
        Expr e = parseAnswer();
        if (!peek().is(close)) {
            throw new ParseException("expected '" + close + "' at " + peek().start());
        }
        return e;
    }

    private Expr bracketed(char open) {
        List<Expr> items = new ArrayList<>();
        items.add(parseItem());
        while (peek().is(",") || peek().is(";")) {
            next();
            items.add(parseItem());
        }
        Token close = next();
        if (!close.is(")") && !close.is("]")) {
            throw new ParseException("expected ')' or ']' at " + close.start());
        }
        char c = close.text().charAt(0);
        if (items.size() == 1) {
            if ((open == '(' && c == ')') || (open == '[' && c == ']')) {
                return items.getFirst();
            }
            throw new ParseException("mismatched brackets around one item");
        }
        return new Bracketed(open, c, items);
    }

    private Expr bracketedUntil(char open, String closeCommand) {
        List<Expr> items = new ArrayList<>();
        items.add(parseItem());
        while (peek().is(",")) {
            next();
            items.add(parseItem());
        }
        expectCommand(closeCommand);
        return new Bracketed(open, '>', items);
    }

    private Expr braceGroup() {
        Expr inner = parseAnswerUntil("}");
        expect("}");
        return inner instanceof AnswerList list ? new SetLit(list.items()) : inner;
    }

    private Expr setLiteral() {
        if (peek().isCommand("rbrace")) {
            next();
            return new SetLit(List.of());
        }
        boolean saved = barSeparates;
        barSeparates = true;
        Expr first;
        try {
            first = parseItem();
        } finally {
            barSeparates = saved;
        }
        if (peek().is("|") || peek().is(":") || peek().isCommand("mid")) {
            next();
            Expr condition = parseAnswer();
            expectCommand("rbrace");
            return new SetBuilder(first, condition);
        }
        List<Expr> items = new ArrayList<>(List.of(first));
        while (peek().is(",") || peek().is(";")) {
            next();
            items.add(parseItem());
        }
        expectCommand("rbrace");
        return new SetLit(items);
    }

    private Expr absoluteValue(String close) {
        absDepth++;
        Expr inner;
        try {
            inner = parseAdditive();
        } finally {
            absDepth--;
        }
        Token t = next();
        boolean closed = close.equals("|") ? t.is("|") : t.isCommand(close);
        if (!closed) {
            throw new ParseException("unclosed absolute value");
        }
        return new Func("abs", List.of(inner));
    }

    private Expr enclosed(String fn, String closeCommand) {
        Expr inner = parseAdditive();
        expectCommand(closeCommand);
        return new Func(fn, List.of(inner));
    }

    private Expr matrix() {
        String env = environmentName();
        if (!env.endsWith("matrix") && !env.equals("array")) {
            throw new ParseException("unsupported environment " + env);
        }
        if (env.equals("array") && peek().is("{")) {
            parseRawArgument(); // column spec such as {cc}
        }
        List<List<Expr>> rows = new ArrayList<>();
        List<Expr> row = new ArrayList<>();
        while (true) {
            deadline.check();
            if (peek().isCommand("end")) {
                next();
                if (!environmentName().equals(env)) {
                    throw new ParseException("\\begin{" + env + "} closed by another environment");
                }
                if (!row.isEmpty()) {
                    rows.add(row);
                }
                break;
            }
            row.add(parseItem());
            if (peek().is("&")) {
                next();
            } else if (peek().isCommand("newline")) {
                next();
                rows.add(row);
                row = new ArrayList<>();
            }
        }
        if (rows.isEmpty() || rows.stream().anyMatch(r -> r.size() != rows.getFirst().size())) {
            throw new ParseException("ragged or empty matrix");
        }
        return new Matrix(rows);
    }

    private String environmentName() {
        expect("{");
        StringBuilder name = new StringBuilder();
        while (!peek().is("}")) {
            Token t = next();
            if (t.type() == Token.Type.END) {
                throw new ParseException("unterminated environment name");
            }
            name.append(t.text());
        }
        next();
        return name.toString();
    }

    // ---- token helpers ---------------------------------------------------------------------------------------

    private Token peek() {
        return tokens.get(pos);
    }

    private Token next() {
        Token t = tokens.get(pos);
        if (t.type() != Token.Type.END) {
            pos++;
        }
        return t;
    }

    private void expect(String punct) {
        Token t = next();
        if (!t.is(punct)) {
            throw new ParseException("expected '" + punct + "' at " + t.start());
        }
    }

    private void expectCommand(String name) {
        Token t = next();
        if (!t.isCommand(name)) {
            throw new ParseException("expected \\" + name + " at " + t.start());
        }
    }

    /** The source text spanned by tokens {@code [from, to)}. */
    private String textOf(int from, int to) {
        if (to <= from) {
            return "";
        }
        return source.substring(tokens.get(from).start(), tokens.get(to - 1).end()).trim();
    }

    private static String stripBraces(String s) {
        return s.startsWith("{") && s.endsWith("}") ? s.substring(1, s.length() - 1) : s;
    }
}
