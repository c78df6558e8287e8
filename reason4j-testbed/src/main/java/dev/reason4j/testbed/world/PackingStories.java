package dev.reason4j.testbed.world;

import java.util.List;

/** Goods made, sold and spoiled, then packed into boxes and crates: full boxes, full crates and what is left over. */
final class PackingStories {

    private static final List<String> BAKED = List.of("cookies", "muffins", "cupcakes", "rolls", "bagels");
    private static final List<String> PICKED = List.of("eggs", "apples", "oranges", "peaches", "lemons");

    private PackingStories() {}

    static Family family() {
        return new Family("packing", 100_000, (s, r) -> s.define("item", r.chance(0.5) ? r.pick(BAKED) : r.pick(PICKED)),
                List.of(
                        Event.of("trays", 1, (s, r) -> {
                            long trays = r.between(3, 12);
                            long each = r.between(6, 24);
                            String item = s.word("item");
                            s.say("A shop prepares %d trays of %s with %d on each tray.", trays, item, each);
                            s.open(Op.MULTIPLY, s.number(trays), s.number(each), "made",
                                    "Count the " + item + " on the trays", "The trays hold", item);
                        }),
                        Event.of("collect", 0, (s, r) -> {
                            long n = r.between(40, 400);
                            s.say("A farm stand starts the day with %d %s.", n, s.word("item"));
                            s.open(s.number(n));
                        })),
                List.of(
                        Event.of("more", 1, (s, r) -> {
                            long n = r.between(5, 90);
                            String item = s.word("item");
                            s.say("Later, %d more %s arrive.", n, item);
                            s.update(Op.ADD, s.number(n), "total", "Add the " + item + " that arrive",
                                    "Now there are", item);
                        }),
                        Event.of("sold", 1, (s, r) -> {
                            long n = r.between(1, Math.min(80, s.whole() - 1));
                            String item = s.word("item");
                            s.say("%d %s are sold right away.", n, item);
                            s.update(Op.SUBTRACT, s.number(n), "left", "Take away the " + item + " sold",
                                    "After the sale, there are", item);
                        }),
                        Event.of("damaged", 1, (s, r) -> {
                            long n = r.between(1, Math.min(15, s.whole() - 1));
                            String item = s.word("item");
                            s.say("%d of the %s are damaged and thrown away.", n, item);
                            s.update(Op.SUBTRACT, s.number(n), "good", "Take away the damaged " + item,
                                    "The good ones are", item);
                        }),
                        Event.of("more-trays", 2, (s, r) -> {
                            long trays = r.between(2, 6);
                            long each = r.between(6, 24);
                            String item = s.word("item");
                            s.say("Then %d more trays with %d %s each are added.", trays, each, item);
                            Ref added = s.side(Op.MULTIPLY, s.number(trays), s.number(each), "added",
                                    "Count the " + item + " on the new trays", "The new trays hold", item);
                            s.update(Op.ADD, added, "total", "Add the new " + item, "Now there are", item);
                        })),
                List.of(
                        Event.of("count", 0, (s, r) -> s.ask("How many %s are there now?", s.word("item"))),
                        Event.of("leftover", 1, (s, r) -> {
                            long box = r.between(3, Math.min(12, s.whole() - 1));
                            String item = s.word("item");
                            s.ask("The %s are packed into boxes of %d. How many %s are left over?", item, box, item);
                            s.update(Op.REMAINDER, s.number(box), "leftover",
                                    "Find the remainder after filling boxes of " + box, "Left over are", item);
                        }),
                        Event.of("boxes", 1, (s, r) -> {
                            long box = r.between(3, Math.min(12, s.whole()));
                            String item = s.word("item");
                            s.ask("The %s are packed into boxes of %d. How many boxes can be filled?", item, box);
                            s.update(Op.FLOOR_DIVIDE, s.number(box), "boxes",
                                    "Divide by the box size and keep the whole part", "The " + item + " fill", "boxes");
                        }),
                        crates("crates", Op.FLOOR_DIVIDE, "How many crates can be filled?", "full_crates",
                                "Divide the boxes by the crate size and keep the whole part", "The boxes fill", "crates"),
                        crates("boxes-outside", Op.REMAINDER, "How many full boxes do not fit into a full crate?",
                                "loose_boxes", "Find the boxes left after filling crates", "Not in a full crate are",
                                "boxes")));
    }

    /** Boxes first, then crates of boxes: the question asks for full crates or for the boxes left out. */
    private static Event crates(String id, Op last, String question, String variable, String comment, String lead,
            String unit) {
        return Event.of(id, 2, (s, r) -> {
            long box = r.between(3, Math.min(12, s.whole()));
            long crate = r.between(2, 8);
            String item = s.word("item");
            s.ask("The %s are packed into boxes of %d, and full boxes go into crates of %d boxes. " + question, item, box,
                    crate);
            s.update(Op.FLOOR_DIVIDE, s.number(box), "boxes", "Divide by the box size and keep the whole part",
                    "The " + item + " fill", "boxes");
            s.update(last, s.number(crate), variable, comment, lead, unit);
        });
    }
}
