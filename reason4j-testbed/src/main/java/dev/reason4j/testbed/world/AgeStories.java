package dev.reason4j.testbed.world;

import java.util.List;
import java.util.Locale;

/**
 * People's ages, each told relative to the one before: older, younger, twice as old, half as old, the sum of two
 * ages; the question asks for the last person's age now, in some years or some years ago, or an age gap.
 */
final class AgeStories {

    private static final String YEARS_OLD = "years old";
    /** Index of the next person to introduce, kept as a word of the story. */
    private static final String NEXT = "next";
    private static final String LAST = "last";

    private AgeStories() {}

    static Family family() {
        return new Family("ages", 100, (s, r) -> s.define(NEXT, "0"),
                List.of(
                        Event.of("age", 0, (s, r) -> {
                            String who = introduce(s);
                            long n = r.between(4, 40);
                            s.say("%s is %d years old.", who, n);
                            s.open(s.number(n));
                            s.remember("first", s.current());
                        }),
                        Event.of("times-as-old", 1, (s, r) -> {
                            String who = introduce(s);
                            String younger = introduce(s);
                            long k = r.between(2, 4);
                            long n = r.between(2, 12);
                            s.say("%s is %s as old as %s, who is %d.", who, Phrases.times(k), younger, n);
                            s.define(LAST, who);
                            s.open(Op.MULTIPLY, s.number(n), s.number(k), variable(who), "Find " + who + "'s age",
                                    who + " is", YEARS_OLD);
                            s.remember("first", s.current());
                        })),
                List.of(
                        relative("older", Op.ADD, (s, r) -> r.between(2, 30), "%s is %d years older than %s."),
                        relative("younger", Op.SUBTRACT, (s, r) -> r.between(1, Math.min(30, s.whole() - 1)),
                                "%s is %d years younger than %s."),
                        Event.of("times", 1, (s, r) -> {
                            long k = r.between(2, 3);
                            String previous = s.word(LAST);
                            String who = introduce(s);
                            s.say("%s is %s as old as %s.", who, Phrases.times(k), previous);
                            s.update(Op.MULTIPLY, s.number(k), variable(who), "Find " + who + "'s age", who + " is",
                                    YEARS_OLD);
                        }),
                        Event.of("half", 1, (s, r) -> {
                            String previous = s.word(LAST);
                            String who = introduce(s);
                            s.say("%s is half as old as %s.", who, previous);
                            s.update(Op.DIVIDE, s.number(2), variable(who), "Find " + who + "'s age", who + " is",
                                    YEARS_OLD);
                        }),
                        Event.of("sum", 1, (s, r) -> {
                            String first = s.person(0);
                            String previous = s.word(LAST);
                            if (previous.equals(first)) {
                                throw Story.rejected("the sum needs two different people");
                            }
                            String who = introduce(s);
                            s.say("%s's age is the sum of the ages of %s and %s.", who, previous, first);
                            s.update(Op.ADD, s.recall("first"), variable(who), "Find " + who + "'s age",
                                    who + " is", YEARS_OLD);
                        })),
                List.of(
                        Event.of("how-old", 0, (s, r) -> s.ask("How old is %s?", s.word(LAST))),
                        Event.of("future", 1, (s, r) -> {
                            long n = r.between(2, 15);
                            String who = s.word(LAST);
                            s.ask("How old will %s be in %d years?", who, n);
                            s.update(Op.ADD, s.number(n), "future_age", "Add the " + n + " years",
                                    "In " + n + " years, " + who + " will be", YEARS_OLD);
                        }),
                        Event.of("past", 1, (s, r) -> {
                            long n = r.between(1, Math.min(15, s.whole() - 1));
                            String who = s.word(LAST);
                            s.ask("How old was %s %d years ago?", who, n);
                            s.update(Op.SUBTRACT, s.number(n), "past_age", "Subtract the " + n + " years",
                                    n + " years ago, " + who + " was", YEARS_OLD);
                        }),
                        Event.of("gap", 1, (s, r) -> {
                            String first = s.person(0);
                            String last = s.word(LAST);
                            Ref firstAge = s.recall("first");
                            int order = s.current().value().compareTo(firstAge.value());
                            if (last.equals(first) || order == 0) {
                                throw Story.rejected("no age gap to ask about");
                            }
                            String older = order > 0 ? last : first;
                            String younger = order > 0 ? first : last;
                            s.ask("How many years older is %s than %s?", older, younger);
                            String comment = "Subtract " + younger + "'s age from " + older + "'s age";
                            String lead = older + " is older by";
                            if (order > 0) {
                                s.update(Op.SUBTRACT, firstAge, "gap", comment, lead, "years");
                            } else {
                                s.updateFrom(Op.SUBTRACT, firstAge, "gap", comment, lead, "years");
                            }
                        })));
    }

    /** A new person whose age is the last person's age plus or minus a number of years. */
    private static Event relative(String id, Op op, Amount amount, String sentence) {
        return Event.of(id, 1, (s, r) -> {
            long n = amount.draw(s, r);
            String previous = s.word(LAST);
            String who = introduce(s);
            s.say(sentence, who, n, previous);
            s.update(op, s.number(n), variable(who), "Find " + who + "'s age", who + " is", YEARS_OLD);
        });
    }

    @FunctionalInterface
    private interface Amount {
        long draw(Story story, WorldRandom random);
    }

    /** The next person of the cast, who becomes the last one introduced. */
    private static String introduce(Story s) {
        int index = Integer.parseInt(s.word(NEXT));
        String who = s.person(index);
        s.define(NEXT, Integer.toString(index + 1));
        s.define(LAST, who);
        return who;
    }

    private static String variable(String person) {
        return person.toLowerCase(Locale.ROOT) + "_age";
    }
}
