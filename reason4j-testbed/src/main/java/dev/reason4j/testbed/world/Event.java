package dev.reason4j.testbed.world;

import java.util.Objects;

/**
 * One kind of thing that happens in a family's stories: the sentence it adds and the operations it costs.
 *
 * @param id a short name; the ids of a problem's events make its template
 * @param cost the number of operations the event adds, which the generator checks
 * @param telling adds the event to a story, or throws {@link Story.Rejected} when the numbers do not work out
 */
record Event(String id, int cost, Telling telling) {

    /** Adds an event to a story with numbers drawn from {@code random}. */
    @FunctionalInterface
    interface Telling {
        void tell(Story story, WorldRandom random);
    }

    Event {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(telling, "telling");
        if (cost < 0 || cost > 4) {
            throw new IllegalArgumentException("event " + id + ": cost must be in [0, 4], was " + cost);
        }
    }

    static Event of(String id, int cost, Telling telling) {
        return new Event(id, cost, telling);
    }
}
