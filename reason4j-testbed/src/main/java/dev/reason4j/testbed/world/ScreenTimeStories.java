package dev.reason4j.testbed.world;

import java.util.List;

/** Minutes spent on episodes, homework and breaks; the question may ask for hours, an exact fraction. */
final class ScreenTimeStories {

    private static final List<String> SHOWS = List.of("cartoon", "cooking show", "nature series", "quiz show");
    private static final String MINUTES = "minutes";

    private ScreenTimeStories() {}

    static Family family() {
        return new Family("screen-time", 100_000, (s, r) -> s.define("show", r.pick(SHOWS)),
                List.of(
                        Event.of("episodes", 1, (s, r) -> {
                            long episodes = r.between(2, 8);
                            long length = r.between(12, 50);
                            s.say("%s watches %d episodes of a %s, each %d minutes long.", s.person(0), episodes,
                                    s.word("show"), length);
                            s.open(Op.MULTIPLY, s.number(episodes), s.number(length), "minutes",
                                    "Find the minutes of the episodes", "The episodes take", MINUTES);
                        }),
                        Event.of("homework", 0, (s, r) -> {
                            long n = r.between(20, 150);
                            s.say("%s spends %d minutes on homework.", s.person(0), n);
                            s.open(s.number(n));
                        })),
                List.of(
                        Event.of("break", 1, (s, r) -> {
                            long n = r.between(5, 30);
                            s.say("%s also takes a break of %d minutes.", s.person(0), n);
                            s.update(Op.ADD, s.number(n), "minutes", "Add the break", "With the break, that is", MINUTES);
                        }),
                        Event.of("more-episodes", 2, (s, r) -> {
                            long episodes = r.between(2, 5);
                            long length = r.between(10, 45);
                            s.say("Then %s watches %d more episodes of %d minutes each.", s.person(0), episodes, length);
                            Ref more = s.side(Op.MULTIPLY, s.number(episodes), s.number(length), "more",
                                    "Find the minutes of the extra episodes", "The extra episodes take", MINUTES);
                            s.update(Op.ADD, more, "minutes", "Add the extra episodes", "Now the total is", MINUTES);
                        }),
                        Event.of("early", 1, (s, r) -> {
                            long n = r.between(2, Math.min(30, s.whole() - 1));
                            s.say("%s stops %d minutes early.", s.person(0), n);
                            s.update(Op.SUBTRACT, s.number(n), "minutes", "Subtract the minutes not used",
                                    "Stopping early, that is", MINUTES);
                        }),
                        Event.of("days", 1, (s, r) -> {
                            long days = r.between(2, 7);
                            s.say("%s does the same thing on %d days.", s.person(0), days);
                            s.update(Op.MULTIPLY, s.number(days), "minutes", "Multiply by the number of days",
                                    "Over " + days + " days, that is", MINUTES);
                        })),
                List.of(
                        Event.of("minutes", 0, (s, r) -> s.ask("How many minutes does %s spend in total?", s.person(0))),
                        Event.of("hours", 1, (s, r) -> {
                            s.ask("How many hours does %s spend in total?", s.person(0));
                            s.update(Op.FRACTION, s.number(60), "hours", "Divide the minutes by 60", "In hours, that is",
                                    "hours");
                        }),
                        Event.of("free-time", 1, (s, r) -> {
                            long free = s.whole() + r.between(10, 120);
                            s.ask("%s had %d minutes of free time. How many minutes of free time are left?", s.person(0),
                                    free);
                            s.updateFrom(Op.SUBTRACT, s.number(free), "free_left", "Subtract the minutes used",
                                    s.person(0) + " has left", MINUTES);
                        })));
    }
}
