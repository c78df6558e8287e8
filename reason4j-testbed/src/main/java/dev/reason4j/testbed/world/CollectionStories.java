package dev.reason4j.testbed.world;

import java.util.List;

/** A collection that grows and shrinks: marbles bought in packs, stickers given away, cards shared with friends. */
final class CollectionStories {

    private static final List<String> ITEMS =
            List.of("marbles", "stickers", "stamps", "seashells", "trading cards", "beads", "toy cars", "postcards");

    private CollectionStories() {}

    static Family family() {
        return new Family("collection", 100_000, (s, r) -> s.define("item", r.pick(ITEMS)),
                List.of(
                        Event.of("has", 0, (s, r) -> {
                            long n = r.between(12, 95);
                            s.say("%s has %d %s.", s.person(0), n, s.word("item"));
                            s.open(s.number(n));
                        }),
                        Event.of("boxes", 1, (s, r) -> {
                            long boxes = r.between(2, 8);
                            long each = r.between(5, 24);
                            String item = s.word("item");
                            s.say("%s has %d boxes of %s with %d in each box.", s.person(0), boxes, item, each);
                            s.open(Op.MULTIPLY, s.number(boxes), s.number(each), "collection",
                                    "Count the " + item + " in the boxes", s.person(0) + " has", item);
                        })),
                List.of(
                        Event.of("gift", 1, (s, r) -> {
                            long n = r.between(3, 40);
                            String item = s.word("item");
                            s.say("%s gives %s %d more %s.", s.person(1), s.person(0), n, item);
                            s.update(Op.ADD, s.number(n), "total", "Add the " + item + " from " + s.person(1),
                                    "Then " + s.person(0) + " has", item);
                        }),
                        Event.of("lose", 1, (s, r) -> {
                            long n = r.between(1, s.whole() - 1);
                            String item = s.word("item");
                            s.say("%s loses %d %s.", s.person(0), n, item);
                            s.update(Op.SUBTRACT, s.number(n), "left", "Take away the lost " + item,
                                    "After losing some, " + s.person(0) + " has", item);
                        }),
                        Event.of("packs", 2, (s, r) -> {
                            long packs = r.between(2, 6);
                            long each = r.between(3, 12);
                            String item = s.word("item");
                            s.say("%s buys %d packs of %s with %d in each pack.", s.person(0), packs, item, each);
                            Ref bought = s.side(Op.MULTIPLY, s.number(packs), s.number(each), "bought",
                                    "Count the " + item + " in the new packs", "The new packs hold", item);
                            s.update(Op.ADD, bought, "total", "Add the new " + item, "Now " + s.person(0) + " has", item);
                        }),
                        Event.of("grow", 1, (s, r) -> {
                            long k = r.between(2, 3);
                            String item = s.word("item");
                            s.say("By the end of the year, the number of %s %s has has %s.", item, s.person(0),
                                    Phrases.grown(k));
                            s.update(Op.MULTIPLY, s.number(k), "grown", "Multiply the collection by " + k,
                                    "After it has " + Phrases.grown(k) + ", " + s.person(0) + " has", item);
                        }),
                        Event.of("give-part", 2, (s, r) -> {
                            long k = r.divisor(s.current().value(), 2, 5);
                            String item = s.word("item");
                            s.say("%s gives %s of the %s to %s.", s.person(0), Phrases.part(k), item, s.person(1));
                            Ref given = s.side(Op.DIVIDE, s.current(), s.number(k), "given",
                                    "Find " + Phrases.part(k) + " of the " + item, s.person(0) + " gives away", item);
                            s.update(Op.SUBTRACT, given, "kept", "Take away the " + item + " given to " + s.person(1),
                                    s.person(0) + " keeps", item);
                        }),
                        Event.of("trade", 2, (s, r) -> {
                            long out = r.between(2, Math.min(20, s.whole() - 1));
                            long in = r.between(2, 20);
                            String item = s.word("item");
                            s.say("%s trades %d %s for %d of %s's %s.", s.person(0), out, item, in, s.person(1), item);
                            s.update(Op.SUBTRACT, s.number(out), "after_giving", "Take away the " + item + " traded away",
                                    "After giving some away, " + s.person(0) + " has", item);
                            s.update(Op.ADD, s.number(in), "after_trade", "Add the " + item + " received",
                                    "After the trade, " + s.person(0) + " has", item);
                        })),
                List.of(
                        Event.of("count", 0, (s, r) -> s.ask("How many %s does %s have now?", s.word("item"), s.person(0))),
                        Event.of("share", 1, (s, r) -> {
                            long k = r.divisor(s.current().value(), 2, 9);
                            String item = s.word("item");
                            s.ask("%s shares all the %s equally among %d friends. How many %s does each friend get?",
                                    s.person(0), item, k, item);
                            s.update(Op.DIVIDE, s.number(k), "each", "Share the " + item + " equally among " + k + " friends",
                                    "Each friend gets", item);
                        }),
                        Event.of("give-away", 1, (s, r) -> {
                            long n = r.between(1, s.whole() - 1);
                            String item = s.word("item");
                            s.ask("If %s gives %d %s to %s, how many %s are left?", s.person(0), n, item, s.person(1), item);
                            s.update(Op.SUBTRACT, s.number(n), "left", "Take away the " + item + " given to " + s.person(1),
                                    s.person(0) + " is left with", item);
                        }),
                        Event.of("rows", 1, (s, r) -> {
                            long row = r.between(3, Math.min(12, s.whole()));
                            String item = s.word("item");
                            s.ask("%s lays the %s out in rows of %d. How many full rows can %s make?", s.person(0), item, row,
                                    s.person(0));
                            s.update(Op.FLOOR_DIVIDE, s.number(row), "rows", "Divide by the row length and keep the whole part",
                                    "The " + item + " fill", "full rows");
                        })));
    }
}
