package dev.reason4j.testbed.world;

import java.util.List;

/** Distance from speed and time over several legs of a trip; the question may turn it into hours or fuel. */
final class TravelStories {

    private static final List<String> VEHICLES = List.of("car", "bus", "van", "motorbike", "train");
    private static final String KM = "km";

    private TravelStories() {}

    static Family family() {
        return new Family("travel", 100_000, (s, r) -> s.define("vehicle", r.pick(VEHICLES)),
                List.of(
                        Event.of("leg", 1, (s, r) -> {
                            long speed = r.between(20, 90);
                            long hours = r.between(2, 6);
                            s.say("%s travels by %s at %d km per hour for %d hours.", s.person(0), s.word("vehicle"), speed,
                                    hours);
                            s.open(Op.MULTIPLY, s.number(speed), s.number(hours), "distance",
                                    "Find the distance of the first part", "In the first part, " + s.person(0) + " travels",
                                    KM);
                        }),
                        Event.of("start", 0, (s, r) -> {
                            long n = r.between(15, 250);
                            s.say("%s has already traveled %d km by %s.", s.person(0), n, s.word("vehicle"));
                            s.open(s.number(n));
                        })),
                List.of(
                        Event.of("next-leg", 2, (s, r) -> {
                            long speed = r.between(20, 90);
                            long hours = r.between(2, 5);
                            s.say("Then %s travels at %d km per hour for %d more hours.", s.person(0), speed, hours);
                            Ref part = s.side(Op.MULTIPLY, s.number(speed), s.number(hours), "part",
                                    "Find the distance of the next part", "The next part is", KM);
                            s.update(Op.ADD, part, "distance", "Add it to the distance so far",
                                    "So far " + s.person(0) + " has traveled", KM);
                        }),
                        Event.of("extra", 1, (s, r) -> {
                            long n = r.between(5, 120);
                            s.say("After a break, %s travels another %d km.", s.person(0), n);
                            s.update(Op.ADD, s.number(n), "distance", "Add the extra distance",
                                    "Now " + s.person(0) + " has traveled", KM);
                        }),
                        Event.of("again", 1, (s, r) -> {
                            s.say("The next day, %s travels the same distance again.", s.person(0));
                            s.update(Op.MULTIPLY, s.number(2), "both_days", "Double the distance for two days",
                                    "Over both days, " + s.person(0) + " travels", KM);
                        }),
                        Event.of("shortcut", 1, (s, r) -> {
                            long n = r.between(2, Math.min(40, s.whole() - 1));
                            s.say("A shortcut saves %s %d km on the way.", s.person(0), n);
                            s.update(Op.SUBTRACT, s.number(n), "distance", "Subtract the distance saved",
                                    "With the shortcut, " + s.person(0) + " travels", KM);
                        })),
                List.of(
                        Event.of("distance", 0, (s, r) -> s.ask("How many km does %s travel in total?", s.person(0))),
                        Event.of("time", 1, (s, r) -> {
                            long speed = r.between(30, 100);
                            s.ask("How many hours would the whole distance take at %d km per hour?", speed);
                            s.update(Op.FRACTION, s.number(speed), "hours", "Divide the distance by the speed",
                                    "At that speed, it takes", "hours");
                        }),
                        Event.of("fuel", 1, (s, r) -> {
                            long km = r.between(8, 20);
                            String vehicle = s.word("vehicle");
                            s.ask("The %s uses one liter of fuel for every %d km. How many liters of fuel does the whole "
                                    + "distance take?", vehicle, km);
                            s.update(Op.FRACTION, s.number(km), "fuel", "Divide the distance by the km per liter",
                                    "The " + vehicle + " uses", "liters");
                        })));
    }
}
