package dev.reason4j.testbed.world;

import java.util.List;

/** Counting people on a school trip, then seating them in buses, splitting them into teams or buying snacks. */
final class TripStories {

    private static final List<String> PLACES = List.of("museum", "zoo", "science center", "farm", "aquarium");
    private static final String PEOPLE = "people";

    private TripStories() {}

    static Family family() {
        return new Family("trip", 100_000, (s, r) -> s.define("place", r.pick(PLACES)),
                List.of(
                        Event.of("classes", 1, (s, r) -> {
                            long classes = r.between(2, 8);
                            long size = r.between(15, 32);
                            s.say("A school sends %d classes of %d students to the %s.", classes, size, s.word("place"));
                            s.open(Op.MULTIPLY, s.number(classes), s.number(size), "students", "Count the students",
                                    "The classes have", "students");
                        }),
                        Event.of("students", 0, (s, r) -> {
                            long n = r.between(20, 240);
                            s.say("%d students go on a trip to the %s.", n, s.word("place"));
                            s.open(s.number(n));
                        })),
                List.of(
                        Event.of("teachers", 1, (s, r) -> {
                            long n = r.between(2, 12);
                            s.say("%d teachers go with them.", n);
                            s.update(Op.ADD, s.number(n), "people", "Add the teachers", "Together there are", PEOPLE);
                        }),
                        Event.of("sick", 1, (s, r) -> {
                            long n = r.between(1, Math.min(12, s.whole() - 1));
                            s.say("%d of the students are sick and stay at home.", n);
                            s.update(Op.SUBTRACT, s.number(n), "going", "Take away the students who stay home",
                                    "Going on the trip are", PEOPLE);
                        }),
                        Event.of("join", 1, (s, r) -> {
                            long n = r.between(3, 40);
                            s.say("%d students from another school join them.", n);
                            s.update(Op.ADD, s.number(n), "people", "Add the students who join", "Now there are", PEOPLE);
                        }),
                        Event.of("parents", 2, (s, r) -> {
                            long classes = r.between(2, 6);
                            long each = r.between(1, 4);
                            s.say("Each of %d classes also brings %d parents along.", classes, each);
                            Ref parents = s.side(Op.MULTIPLY, s.number(classes), s.number(each), "parents",
                                    "Count the parents", "The parents are", PEOPLE);
                            s.update(Op.ADD, parents, "people", "Add the parents", "Together there are", PEOPLE);
                        })),
                List.of(
                        Event.of("count", 0, (s, r) -> s.ask("How many people go to the %s?", s.word("place"))),
                        Event.of("buses", 1, (s, r) -> {
                            long seats = r.between(10, Math.min(50, s.whole()));
                            s.ask("Each bus seats %d people. How many buses can be filled completely?", seats);
                            s.update(Op.FLOOR_DIVIDE, s.number(seats), "full_buses",
                                    "Divide by the seats per bus and keep the whole part", "The people fill", "buses");
                        }),
                        Event.of("last-bus", 1, (s, r) -> {
                            long seats = r.between(10, Math.min(50, s.whole() - 1));
                            s.ask("Each bus seats %d people, and the buses are filled one at a time. How many people ride "
                                    + "in the last bus, which is not full?", seats);
                            s.update(Op.REMAINDER, s.number(seats), "last_bus", "Find the people left after the full buses",
                                    "The last bus carries", PEOPLE);
                            if (s.current().value().signum() == 0) {
                                throw Story.rejected("every bus is full");
                            }
                        }),
                        Event.of("teams", 1, (s, r) -> {
                            long size = r.divisor(s.current().value(), 2, 10);
                            s.ask("Everyone is split into teams of %d. How many teams are there?", size);
                            s.update(Op.DIVIDE, s.number(size), "teams", "Divide the people into teams", "There are",
                                    "teams");
                        }),
                        Event.of("snacks", 1, (s, r) -> {
                            long n = r.between(2, 5);
                            s.ask("Each person gets %d snacks. How many snacks are needed?", n);
                            s.update(Op.MULTIPLY, s.number(n), "snacks", "Multiply the people by the snacks each",
                                    "The trip needs", "snacks");
                        })));
    }
}
