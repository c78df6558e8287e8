package dev.reason4j.testbed.world;

import java.util.List;

/**
 * Production rates: items per hour, times hours a day, times days, less faulty items, packed or shared out.
 * Stages: {@code rate} (items per hour), {@code day} (items per day) and {@code total}.
 */
final class FactoryStories {

    private static final List<String> PRODUCTS = List.of("toys", "bottles", "bolts", "chairs", "shirts", "candles");
    private static final String RATE = "rate";
    private static final String DAY = "day";
    private static final String TOTAL = "total";

    private FactoryStories() {}

    static Family family() {
        return new Family("factory", 100_000, (s, r) -> s.define("item", r.pick(PRODUCTS)),
                List.of(
                        Event.of("machine", 0, (s, r) -> {
                            long n = r.between(5, 60);
                            s.say("A machine makes %d %s per hour.", n, s.word("item"));
                            s.open(s.number(n));
                            s.stage(RATE);
                        }),
                        Event.of("machines", 1, (s, r) -> {
                            long machines = r.between(2, 6);
                            long each = r.between(4, 30);
                            String item = s.word("item");
                            s.say("%d machines each make %d %s per hour.", machines, each, item);
                            s.open(Op.MULTIPLY, s.number(machines), s.number(each), "per_hour",
                                    "Find how many " + item + " all machines make per hour", "Together, the machines make",
                                    item + " per hour");
                            s.stage(RATE);
                        })),
                List.of(
                        Event.of("hours", 1, (s, r) -> {
                            s.require(RATE);
                            long hours = r.between(2, 10);
                            String item = s.word("item");
                            s.say("The factory runs for %d hours a day.", hours);
                            s.update(Op.MULTIPLY, s.number(hours), "per_day", "Multiply by the hours per day",
                                    "Each day, the factory makes", item);
                            s.stage(DAY);
                        }),
                        Event.of("faster", 1, (s, r) -> {
                            s.require(RATE);
                            long n = r.between(1, 12);
                            String item = s.word("item");
                            s.say("After an upgrade, %d more %s are made every hour.", n, item);
                            s.update(Op.ADD, s.number(n), "per_hour", "Add the extra " + item + " per hour",
                                    "After the upgrade, the factory makes", item + " per hour");
                        }),
                        Event.of("days", 1, (s, r) -> {
                            s.require(DAY);
                            long days = r.between(2, 7);
                            s.say("It works like this for %d days.", days);
                            s.update(Op.MULTIPLY, s.number(days), "made", "Multiply by the number of days",
                                    "Over those days, the factory makes", s.word("item"));
                            s.stage(TOTAL);
                        }),
                        Event.of("faulty", 1, (s, r) -> {
                            s.require(DAY, TOTAL);
                            long n = r.between(1, Math.min(30, s.whole() - 1));
                            String item = s.word("item");
                            boolean daily = s.at(DAY);
                            s.say(daily ? "Every day, %d of the %s are faulty and thrown away."
                                    : "In the end, %d of the %s are faulty and thrown away.", n, item);
                            s.update(Op.SUBTRACT, s.number(n), "good", "Take away the faulty " + item,
                                    daily ? "Good " + item + " per day:" : "The good " + item + " are", item);
                        }),
                        Event.of("night-shift", 2, (s, r) -> {
                            s.require(DAY);
                            long hours = r.between(2, 6);
                            long rate = r.between(3, 20);
                            String item = s.word("item");
                            s.say("A night shift also works %d hours a day, making %d %s per hour.", hours, rate, item);
                            Ref night = s.side(Op.MULTIPLY, s.number(hours), s.number(rate), "night",
                                    "Find what the night shift makes each day", "The night shift makes", item);
                            s.update(Op.ADD, night, "per_day", "Add the night shift to the day",
                                    "Each day, the factory now makes", item);
                        })),
                List.of(
                        Event.of("total", 0, (s, r) -> {
                            s.require(TOTAL);
                            s.ask("How many good %s does the factory have at the end?", s.word("item"));
                        }),
                        Event.of("daily", 0, (s, r) -> {
                            s.require(DAY);
                            s.ask("How many %s does the factory end up with each day?", s.word("item"));
                        }),
                        Event.of("rate", 0, (s, r) -> {
                            s.require(RATE);
                            s.ask("How many %s are made per hour?", s.word("item"));
                        }),
                        Event.of("boxes", 1, (s, r) -> {
                            s.require(DAY, TOTAL);
                            long box = r.between(4, Math.min(24, s.whole()));
                            String item = s.word("item");
                            s.ask("The %s are packed in boxes of %d. How many boxes can be filled%s?", item, box,
                                    s.at(DAY) ? " each day" : "");
                            s.update(Op.FLOOR_DIVIDE, s.number(box), "boxes", "Divide by the box size and keep the whole part",
                                    "The " + item + " fill", "boxes");
                        }),
                        Event.of("stores", 1, (s, r) -> {
                            s.require(TOTAL);
                            long stores = r.divisor(s.current().value(), 2, 12);
                            String item = s.word("item");
                            s.ask("The %s are shared equally among %d stores. How many %s does each store get?", item,
                                    stores, item);
                            s.update(Op.DIVIDE, s.number(stores), "per_store", "Share the " + item + " among the stores",
                                    "Each store gets", item);
                        })));
    }
}
