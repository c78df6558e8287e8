package dev.reason4j.testbed.world;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A sentence with a number that the question does not need, and how a solution refers to it when it makes sure
 * it does not matter ("Lea's 12 pencils").
 *
 * @param sentence the sentence as it stands in the problem
 * @param topic a short phrase naming what it is about
 */
public record Distractor(String sentence, String topic) {

    private record Template(String sentence, String topic) {}

    private static final List<Template> TEMPLATES = List.of(
            new Template("%s has %d pencils.", "%s's %d pencils"),
            new Template("%s is %d years old.", "%s's age of %d"),
            new Template("It rained on %2$d days last month.", "the %2$d rainy days"),
            new Template("%s's house number is %d.", "%s's house number %d"),
            new Template("There are %2$d trees along the street.", "the %2$d trees along the street"),
            new Template("%s read %d pages of a book yesterday.", "the %2$d pages %1$s read"),
            new Template("The shop on the corner opened %2$d years ago.", "the %2$d years since the shop opened"),
            new Template("%s's favorite number is %d.", "%s's favorite number %d"));

    public Distractor {
        Objects.requireNonNull(sentence, "sentence");
        Objects.requireNonNull(topic, "topic");
    }

    /** A random distractor about {@code name}, a person who is not part of the story. */
    static Distractor draw(String name, WorldRandom random) {
        Template t = random.pick(TEMPLATES);
        long n = random.between(2, 60);
        return new Distractor(String.format(Locale.ROOT, t.sentence(), name, n),
                String.format(Locale.ROOT, t.topic(), name, n));
    }
}
