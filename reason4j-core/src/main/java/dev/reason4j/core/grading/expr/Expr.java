package dev.reason4j.core.grading.expr;

import java.util.List;

/**
 * The parsed form of a math answer: numbers, symbols and operators, and the structures answers come in
 * (tuples, intervals, sets, matrices, relations, lists, text, choice letters).
 *
 * <p>Subtraction is {@code Add} with a {@code Mul(-1, x)} term and division is {@code Mul} with a
 * {@code Pow(x, -1)} factor, so the evaluators and the printer handle few node kinds.
 */
public sealed interface Expr {

    /**
     * A number literal with its exact value and the decimal places it was written with ({@code 17.30} has 2).
     */
    record Num(BigRational value, int decimals) implements Expr {

        /** A decimal with a fractional part: a value that may have been rounded. */
        public boolean approximate() {
            return decimals > 0 && !value.isInteger();
        }
    }

    /** A free variable or an opaque name such as {@code \alpha}, {@code a_1} or a segment {@code AB}. */
    record Sym(String name) implements Expr {}

    /** A named constant. */
    record Const(Kind kind) implements Expr {
        public enum Kind {
            PI,
            E,
            I,
            INFINITY
        }
    }

    record Add(List<Expr> terms) implements Expr {
        public Add {
            terms = List.copyOf(terms);
        }
    }

    record Mul(List<Expr> factors) implements Expr {
        public Mul {
            factors = List.copyOf(factors);
        }
    }

    record Pow(Expr base, Expr exponent) implements Expr {}

    /** A function application: sqrt, root (index, radicand), sin, log (base, argument), abs, factorial, binom… */
    record Func(String name, List<Expr> args) implements Expr {
        public Func {
            args = List.copyOf(args);
        }
    }

    /** {@code left ± right}; {@code left} is null for a leading {@code ±x}. */
    record PlusMinus(Expr left, Expr right) implements Expr {}

    /** A number followed by a percent sign. */
    record Percent(Expr value) implements Expr {}

    /** A number written in another base, e.g. {@code 1011_2}. */
    record BaseNumber(String digits, int base) implements Expr {}

    /** {@code a = b}, {@code x < 3}, or a chain such as {@code 0 < x \le 1}. {@code texts} holds each operand's text. */
    record Relation(List<Expr> operands, List<RelOp> ops, List<String> texts) implements Expr {
        public Relation {
            operands = List.copyOf(operands);
            ops = List.copyOf(ops);
            texts = List.copyOf(texts);
        }
    }

    /** Items between brackets: a tuple/point {@code (1,2)}, an interval {@code [1,2)}, a vector {@code \langle 1,2\rangle}. */
    record Bracketed(char open, char close, List<Expr> items) implements Expr {
        public Bracketed {
            items = List.copyOf(items);
        }
    }

    /** A set written with braces, {@code \{1, 2\}}. */
    record SetLit(List<Expr> items) implements Expr {
        public SetLit {
            items = List.copyOf(items);
        }
    }

    /** A set-builder {@code \{x \mid condition\}}. */
    record SetBuilder(Expr variable, Expr condition) implements Expr {}

    /** {@code A \cup B \cup …}. */
    record Union(List<Expr> parts) implements Expr {
        public Union {
            parts = List.copyOf(parts);
        }
    }

    /** A matrix; a column or row vector is a matrix with one column or row. */
    record Matrix(List<List<Expr>> rows) implements Expr {
        public Matrix {
            rows = rows.stream().map(List::copyOf).toList();
        }
    }

    /** Several answers separated by commas, "and" or "or", compared regardless of order. */
    record AnswerList(List<Expr> items) implements Expr {
        public AnswerList {
            items = List.copyOf(items);
        }
    }

    /** A multiple-choice letter such as {@code (B)}. */
    record Choice(char letter) implements Expr {}

    /** An answer in words, compared case- and space-insensitively. */
    record Text(String text) implements Expr {}

    /** Relation operators. */
    enum RelOp {
        EQ("="),
        NE("\\ne"),
        LT("<"),
        LE("\\le"),
        GT(">"),
        GE("\\ge"),
        IN("\\in");

        private final String symbol;

        RelOp(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }

        /** The operator with its sides swapped ({@code <} becomes {@code >}). */
        public RelOp flipped() {
            return switch (this) {
                case LT -> GT;
                case LE -> GE;
                case GT -> LT;
                case GE -> LE;
                default -> this;
            };
        }
    }

    static Num integer(long n) {
        return new Num(BigRational.of(n), 0);
    }

    static Expr negate(Expr e) {
        if (e instanceof Num n) {
            return new Num(n.value().negate(), n.decimals());
        }
        return new Mul(List.of(integer(-1), e));
    }

    static Expr reciprocal(Expr e) {
        return new Pow(e, integer(-1));
    }
}
