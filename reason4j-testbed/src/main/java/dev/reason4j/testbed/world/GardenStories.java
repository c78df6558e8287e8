package dev.reason4j.testbed.world;

import java.util.List;

/**
 * Rectangles: the area of a garden (stage {@code area}) for seeds and soil, or its perimeter (stage {@code fence})
 * for fencing and posts.
 */
final class GardenStories {

    private static final String AREA = "area";
    private static final String FENCE = "fence";
    private static final String SQUARE_METERS = "square meters";
    private static final String METERS = "meters";

    private GardenStories() {}

    static Family family() {
        return new Family("garden", 100_000, (s, r) -> { },
                List.of(
                        Event.of("area", 1, (s, r) -> {
                            long length = r.between(4, 30);
                            long width = r.between(3, 20);
                            s.say("A rectangular garden is %d meters long and %d meters wide.", length, width);
                            s.open(Op.MULTIPLY, s.number(length), s.number(width), "area", "Find the area of the garden",
                                    "The garden covers", SQUARE_METERS);
                            s.stage(AREA);
                        }),
                        Event.of("square", 1, (s, r) -> {
                            Ref side = s.number(r.between(3, 25));
                            s.say("A square garden has sides of %s meters.", side.python());
                            s.open(Op.MULTIPLY, side, side, "area", "Find the area of the square", "The garden covers",
                                    SQUARE_METERS);
                            s.stage(AREA);
                        }),
                        Event.of("perimeter", 2, (s, r) -> {
                            long length = r.between(4, 30);
                            long width = r.between(3, 20);
                            s.say("A rectangular field is %d meters long and %d meters wide, and it gets a fence all "
                                    + "around it.", length, width);
                            Ref half = s.side(Op.ADD, s.number(length), s.number(width), "half_way",
                                    "Add the length and the width", "Half of the way around is", METERS);
                            s.open(Op.MULTIPLY, half, s.number(2), "perimeter", "Double it to go all the way around",
                                    "The fence is", METERS);
                            s.stage(FENCE);
                        })),
                List.of(
                        Event.of("shed", 1, (s, r) -> {
                            s.require(AREA);
                            long n = r.between(2, Math.min(40, s.whole() - 1));
                            s.say("A shed takes up %d square meters of it.", n);
                            s.update(Op.SUBTRACT, s.number(n), "free_area", "Subtract the area of the shed",
                                    "The area left is", SQUARE_METERS);
                        }),
                        Event.of("strip", 2, (s, r) -> {
                            s.require(AREA);
                            long length = r.between(2, 20);
                            long width = r.between(1, 6);
                            s.say("The garden is extended by a strip %d meters long and %d meters wide.", length, width);
                            Ref strip = s.side(Op.MULTIPLY, s.number(length), s.number(width), "strip",
                                    "Find the area of the strip", "The strip covers", SQUARE_METERS);
                            s.update(Op.ADD, strip, "area", "Add the strip to the area", "Now the garden covers",
                                    SQUARE_METERS);
                        }),
                        Event.of("copies", 1, (s, r) -> {
                            s.require(AREA);
                            long k = r.between(2, 4);
                            s.say("There are %d gardens exactly like it.", k);
                            s.update(Op.MULTIPLY, s.number(k), "all_gardens", "Multiply by the number of gardens",
                                    "All the gardens together cover", SQUARE_METERS);
                        }),
                        Event.of("gate", 1, (s, r) -> {
                            s.require(FENCE);
                            long n = r.between(1, Math.min(6, s.whole() - 1));
                            s.say("A gate %d meters wide needs no fence.", n);
                            s.update(Op.SUBTRACT, s.number(n), "fence", "Subtract the width of the gate",
                                    "The fence needed is", METERS);
                        }),
                        Event.of("pen", 1, (s, r) -> {
                            s.require(FENCE);
                            long n = r.between(4, 30);
                            s.say("%d more meters of fence are needed for a small pen.", n);
                            s.update(Op.ADD, s.number(n), "fence", "Add the fence for the pen", "In total, the fence is",
                                    METERS);
                        })),
                List.of(
                        Event.of("area", 0, (s, r) -> {
                            s.require(AREA);
                            s.ask("How many square meters of ground are there to plant?");
                        }),
                        Event.of("seeds", 1, (s, r) -> {
                            s.require(AREA);
                            long n = r.between(2, 12);
                            s.ask("Each square meter needs %d seeds. How many seeds are needed?", n);
                            s.update(Op.MULTIPLY, s.number(n), "seeds", "Multiply the area by the seeds per square meter",
                                    "The garden needs", "seeds");
                        }),
                        Event.of("soil", 1, (s, r) -> {
                            s.require(AREA);
                            long n = r.divisor(s.current().value(), 2, 12);
                            s.ask("One bag of soil covers %d square meters. How many bags cover the whole area exactly?", n);
                            s.update(Op.DIVIDE, s.number(n), "bags", "Divide the area by what one bag covers",
                                    "The garden needs", "bags");
                        }),
                        Event.of("fence", 0, (s, r) -> {
                            s.require(FENCE);
                            s.ask("How many meters of fence are needed?");
                        }),
                        Event.of("fence-cost", 1, (s, r) -> {
                            s.require(FENCE);
                            long price = r.between(2, 15);
                            s.ask("Fence costs $%d per meter. How many dollars does the fence cost?", price);
                            s.update(Op.MULTIPLY, s.number(price), "cost", "Multiply the length by the price per meter",
                                    "The fence costs", "dollars");
                        }),
                        Event.of("posts", 1, (s, r) -> {
                            s.require(FENCE);
                            long n = r.divisor(s.current().value(), 2, 10);
                            s.ask("A post is put every %d meters along the fence. How many posts are needed?", n);
                            s.update(Op.DIVIDE, s.number(n), "posts", "Divide the fence length by the post spacing",
                                    "The fence needs", "posts");
                        })));
    }
}
