package dev.reason4j.testbed.world;

import dev.reason4j.core.grading.expr.BigRational;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A problem being told: the sentences of its statement, the numbers they give and the steps that solve it. Events
 * of a {@link Family} add to it; an event whose numbers do not work out (a negative count, an inexact share, a
 * value past the family's limit) is {@linkplain #rejected rejected}, and the generator {@linkplain #reset resets}
 * the story to before it and tries another.
 *
 * <p>Families keep what later events need in {@linkplain #define words} (the item being counted), in
 * {@linkplain #remember remembered values} (an earlier person's age) and in a {@linkplain #stage stage} that
 * orders their events (a rate must become a daily total before days multiply it).
 */
final class Story {

    /** An event that does not work out with these numbers; thrown without a stack trace, as it is routine. */
    static final class Rejected extends RuntimeException {
        Rejected(String reason) {
            super(reason, null, false, false);
        }
    }

    /** Largest denominator of a value: results stay fractions a person would write. */
    private static final BigInteger MAX_DENOMINATOR = BigInteger.valueOf(100);

    private final List<String> people;
    private final long maxValue;
    private final Map<String, String> words = new HashMap<>();
    private final List<String> sentences = new ArrayList<>();
    private final List<Step> steps = new ArrayList<>();
    private final List<BigRational> numbers = new ArrayList<>();
    private final List<String> events = new ArrayList<>();
    private Map<String, Ref> remembered = new HashMap<>();
    private Ref current;
    private String stage = "";
    private String question;

    /**
     * @param people distinct names the family may use, in order of appearance
     * @param maxValue the largest value any step may produce
     */
    Story(List<String> people, long maxValue) {
        this.people = List.copyOf(people);
        this.maxValue = maxValue;
    }

    static Rejected rejected(String reason) {
        return new Rejected(reason);
    }

    // ---- the cast and its words ----

    String person(int index) {
        if (index >= people.size()) {
            throw rejected("the cast has only " + people.size() + " people");
        }
        return people.get(index);
    }

    void define(String key, String word) {
        words.put(key, word);
    }

    String word(String key) {
        return Objects.requireNonNull(words.get(key), () -> "no word '" + key + "' defined");
    }

    // ---- the statement ----

    /** A number given in the statement; every given number is part of the problem's identity. */
    Ref number(long value) {
        numbers.add(BigRational.of(value));
        return Ref.given(value);
    }

    /** Adds a sentence of the statement, formatted with {@link String#format}. */
    void say(String format, Object... args) {
        sentences.add(String.format(Locale.ROOT, format, args));
    }

    /** Sets the final question. */
    void ask(String format, Object... args) {
        question = String.format(Locale.ROOT, format, args);
    }

    // ---- the chain of values ----

    /** Starts the chain with a given number. */
    void open(Ref given) {
        if (!given.given()) {
            throw new IllegalArgumentException("open with a given number, got variable " + given.variable());
        }
        current = given;
    }

    /** Starts the chain with a computed value. */
    Ref open(Op op, Ref a, Ref b, String variable, String comment, String lead, String unit) {
        current = add(op, a, b, Step.Role.OPEN, variable, comment, lead, unit);
        return current;
    }

    /** Computes an operand for a later chain step. */
    Ref side(Op op, Ref a, Ref b, String variable, String comment, String lead, String unit) {
        return add(op, a, b, Step.Role.SIDE, variable, comment, lead, unit);
    }

    /** The next chain value: {@code current op other}. */
    Ref update(Op op, Ref other, String variable, String comment, String lead, String unit) {
        current = add(op, current(), other, Step.Role.CHAIN_LEFT, variable, comment, lead, unit);
        return current;
    }

    /** The next chain value with the current one on the right: {@code other op current}. */
    Ref updateFrom(Op op, Ref other, String variable, String comment, String lead, String unit) {
        current = add(op, other, current(), Step.Role.CHAIN_RIGHT, variable, comment, lead, unit);
        return current;
    }

    Ref current() {
        if (current == null) {
            throw new IllegalStateException("the chain has not been opened");
        }
        return current;
    }

    /** The current value as a whole number; rejects the event when it is a fraction. */
    long whole() {
        if (!current().value().isInteger()) {
            throw rejected("the current value " + current.value() + " is not whole");
        }
        return current.value().num().longValueExact();
    }

    private Ref add(Op op, Ref a, Ref b, Step.Role role, String variable, String comment, String lead, String unit) {
        if (!op.defined(a.value(), b.value())) {
            throw rejected(op + " undefined for " + a.value() + " and " + b.value());
        }
        BigRational value = op.apply(a.value(), b.value());
        if (value.signum() < 0 || value.signum() == 0 && op != Op.REMAINDER) {
            throw rejected("result " + value + " is not positive");
        }
        if (value.compareTo(BigRational.of(maxValue)) > 0 || value.den().compareTo(MAX_DENOMINATOR) > 0) {
            throw rejected("result " + value + " is out of range");
        }
        Step step = new Step(unique(variable), op, a, b, value, role, comment, lead, unit);
        steps.add(step);
        return step.result();
    }

    private String unique(String variable) {
        String name = variable;
        for (int n = 2; isTaken(name); n++) {
            name = variable + "_" + n;
        }
        return name;
    }

    private boolean isTaken(String name) {
        return steps.stream().anyMatch(s -> s.variable().equals(name));
    }

    // ---- family bookkeeping ----

    /** Keeps a value for later events ("the age of the first person"). */
    void remember(String key, Ref value) {
        remembered.put(key, value);
    }

    Ref recall(String key) {
        Ref value = remembered.get(key);
        if (value == null) {
            throw rejected("nothing remembered as '" + key + "'");
        }
        return value;
    }

    /** Rejects the event unless the story is at one of {@code stages}. */
    void require(String... stages) {
        for (String s : stages) {
            if (at(s)) {
                return;
            }
        }
        throw rejected("stage '" + stage + "' is not one of " + List.of(stages));
    }

    boolean at(String someStage) {
        return stage.equals(someStage);
    }

    void stage(String next) {
        stage = next;
    }

    /** Records which event was told; the sequence names the problem's template. */
    void told(String eventId) {
        events.add(eventId);
    }

    // ---- marks ----

    /** Where the story stands, to {@link #reset} to when an event is rejected. */
    record Mark(int sentences, int steps, int numbers, int events, Map<String, String> words,
            Map<String, Ref> remembered, Ref current, String stage, String question) {}

    Mark mark() {
        return new Mark(sentences.size(), steps.size(), numbers.size(), events.size(), Map.copyOf(words),
                Map.copyOf(remembered), current, stage, question);
    }

    void reset(Mark mark) {
        truncate(sentences, mark.sentences());
        truncate(steps, mark.steps());
        truncate(numbers, mark.numbers());
        truncate(events, mark.events());
        words.clear();
        words.putAll(mark.words());
        remembered = new HashMap<>(mark.remembered());
        current = mark.current();
        stage = mark.stage();
        question = mark.question();
    }

    private static void truncate(List<?> list, int size) {
        list.subList(size, list.size()).clear();
    }

    // ---- what the generator reads ----

    int operations() {
        return steps.size();
    }

    List<String> sentences() {
        return List.copyOf(sentences);
    }

    List<Step> steps() {
        return List.copyOf(steps);
    }

    List<BigRational> numbers() {
        return List.copyOf(numbers);
    }

    List<String> events() {
        return List.copyOf(events);
    }

    String question() {
        return question;
    }
}
