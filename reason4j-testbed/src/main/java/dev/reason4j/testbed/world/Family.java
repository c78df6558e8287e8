package dev.reason4j.testbed.world;

import java.util.List;
import java.util.Objects;

/**
 * A template family: a kind of story (a collection that grows and shrinks, a shopping trip, people's ages …) made
 * of an opening event, middle events and a closing event that asks the question. The events a problem uses, in
 * order, are its template variant; the generator picks them so that their costs add up to the wanted number of
 * operations.
 *
 * @param name the family's name, the first part of every template id
 * @param maxValue the largest value a step may produce (ages stay under 100, money under 100000)
 * @param casting chooses the words of one story (which items, which dish) before the events are told
 * @param openings events that start the chain
 * @param middles events that move it on
 * @param closings events that ask the question, possibly with a last operation
 */
record Family(String name, long maxValue, Event.Telling casting, List<Event> openings, List<Event> middles,
        List<Event> closings) {

    Family {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(casting, "casting");
        openings = List.copyOf(openings);
        middles = List.copyOf(middles);
        closings = List.copyOf(closings);
        if (openings.isEmpty() || middles.isEmpty() || closings.isEmpty()) {
            throw new IllegalArgumentException("family " + name + " needs openings, middles and closings");
        }
        if (middles.stream().noneMatch(e -> e.cost() == 1)) {
            throw new IllegalArgumentException("family " + name + " needs a middle event of cost 1 to fill any tier");
        }
    }
}
