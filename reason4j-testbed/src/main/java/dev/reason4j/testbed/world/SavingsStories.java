package dev.reason4j.testbed.world;

import java.util.List;

/** Saving up for something: weekly savings, gifts and chores in, spending out; how much more, or how many weeks. */
final class SavingsStories {

    private static final List<String> GOALS = List.of("bicycle", "guitar", "tablet", "telescope", "skateboard");
    private static final List<String> SPENDING = List.of("a concert ticket", "a video game", "new headphones", "a gift");
    private static final String DOLLARS = "dollars";

    private SavingsStories() {}

    static Family family() {
        return new Family("savings", 100_000, (s, r) -> s.define("goal", r.pick(GOALS)),
                List.of(
                        Event.of("bank", 0, (s, r) -> {
                            long n = r.between(10, 200);
                            s.say("%s has $%d in a piggy bank.", s.person(0), n);
                            s.open(s.number(n));
                        }),
                        Event.of("weekly", 1, (s, r) -> {
                            long each = r.between(3, 25);
                            long weeks = r.between(3, 12);
                            s.say("%s saves $%d every week for %d weeks.", s.person(0), each, weeks);
                            s.open(Op.MULTIPLY, s.number(each), s.number(weeks), "saved", "Find the savings over the weeks",
                                    s.person(0) + " saves", DOLLARS);
                        })),
                List.of(
                        Event.of("birthday", 1, (s, r) -> {
                            long n = r.between(5, 60);
                            s.say("For %s's birthday, %s gives %s $%d.", s.person(0), s.person(1), s.person(0), n);
                            s.update(Op.ADD, s.number(n), "saved", "Add the birthday money",
                                    "After the birthday, " + s.person(0) + " has", DOLLARS);
                        }),
                        Event.of("spend", 1, (s, r) -> {
                            long n = r.between(2, Math.min(50, s.whole() - 1));
                            String thing = r.pick(SPENDING);
                            s.say("%s spends $%d on %s.", s.person(0), n, thing);
                            s.update(Op.SUBTRACT, s.number(n), "saved", "Subtract the money spent on " + thing,
                                    "After spending, " + s.person(0) + " has", DOLLARS);
                        }),
                        Event.of("match", 1, (s, r) -> {
                            s.say("%s's parents add the same amount as %s has saved.", s.person(0), s.person(0));
                            s.update(Op.MULTIPLY, s.number(2), "saved", "Double the savings",
                                    "With the parents' match, " + s.person(0) + " has", DOLLARS);
                        }),
                        Event.of("chores", 2, (s, r) -> {
                            long chores = r.between(2, 10);
                            long pay = r.between(2, 12);
                            s.say("%s does %d chores for $%d each.", s.person(0), chores, pay);
                            Ref earned = s.side(Op.MULTIPLY, s.number(chores), s.number(pay), "earned",
                                    "Find the money from the chores", "The chores pay", DOLLARS);
                            s.update(Op.ADD, earned, "saved", "Add the chore money", s.person(0) + " now has", DOLLARS);
                        }),
                        Event.of("more-weeks", 2, (s, r) -> {
                            long each = r.between(3, 25);
                            long weeks = r.between(2, 8);
                            s.say("Then %s saves $%d a week for %d more weeks.", s.person(0), each, weeks);
                            Ref more = s.side(Op.MULTIPLY, s.number(each), s.number(weeks), "more",
                                    "Find the savings of the extra weeks", "The extra weeks bring", DOLLARS);
                            s.update(Op.ADD, more, "saved", "Add the extra savings", s.person(0) + " now has", DOLLARS);
                        })),
                List.of(
                        Event.of("total", 0, (s, r) -> s.ask("How many dollars has %s saved now?", s.person(0))),
                        Event.of("need", 1, (s, r) -> {
                            long price = s.whole() + r.between(3, 150);
                            String goal = s.word("goal");
                            s.ask("%s wants a %s that costs $%d. How many more dollars does %s need?", s.person(0), goal,
                                    price, s.person(0));
                            s.updateFrom(Op.SUBTRACT, s.number(price), "missing", "Subtract the savings from the price",
                                    s.person(0) + " still needs", DOLLARS);
                        }),
                        Event.of("weeks", 2, (s, r) -> {
                            long weekly = r.between(3, 20);
                            long price = s.whole() + weekly * r.between(2, 12);
                            String goal = s.word("goal");
                            s.ask("%s wants a %s that costs $%d and will save $%d a week from now on. How many weeks will "
                                    + "it take to have enough?", s.person(0), goal, price, weekly);
                            Ref priceRef = s.number(price);
                            Ref weeklyRef = s.number(weekly);
                            s.updateFrom(Op.SUBTRACT, priceRef, "missing", "Subtract the savings from the price",
                                    s.person(0) + " still needs", DOLLARS);
                            s.update(Op.DIVIDE, weeklyRef, "weeks", "Divide what is missing by the weekly savings",
                                    "It takes", "weeks");
                        })));
    }
}
