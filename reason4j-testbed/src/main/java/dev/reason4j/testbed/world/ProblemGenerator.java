package dev.reason4j.testbed.world;

import java.util.ArrayList;
import java.util.List;

/**
 * Tells one story of a family with exactly the wanted number of operations: it picks the costs of the opening
 * and the closing event, fills the rest with middle events, and starts over (from the same random stream, so
 * the result stays a function of the seed) when the numbers do not work out.
 */
final class ProblemGenerator {

    private static final List<String> NAMES = List.of("Mia", "Leo", "Ava", "Noah", "Zoe", "Omar", "Lena", "Ravi", "Sara",
            "Tom", "Ines", "Kofi", "Yuki", "Ben", "Nora", "Ivan", "Emma", "Luis", "Hana", "Max", "Ella", "Sam", "Priya",
            "Jack", "Lily", "Amir", "Rosa", "Finn", "Maya", "Theo", "Aisha", "Kai", "Ruth", "Hugo", "Nina", "Paul");
    /** The story's own people come first; distractors use names from the rest. */
    private static final int CAST = 10;
    private static final int ATTEMPTS = 500;
    private static final int TRIES_PER_EVENT = 6;
    private static final double[] DISTRACTOR_COUNT_WEIGHTS = {0.4, 0.4, 0.2};

    private ProblemGenerator() {}

    /**
     * A problem of {@code family} with {@code operations} operations.
     *
     * @throws IllegalStateException when the family cannot make such a problem (a bug in its events)
     */
    static WorldProblem generate(Family family, int operations, WorldRandom random) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            List<String> names = random.shuffled(NAMES);
            Story story = new Story(names.subList(0, CAST), family.maxValue());
            family.casting().tell(story, random);
            if (tell(family, story, operations, random)) {
                return problem(family, story, names.subList(CAST, names.size()), random);
            }
        }
        throw new IllegalStateException("family " + family.name() + " made no problem with " + operations
                + " operations in " + ATTEMPTS + " attempts");
    }

    private static boolean tell(Family family, Story story, int operations, WorldRandom random) {
        int closingCost = random.pick(costs(family.closings(), operations));
        List<Integer> openingCosts = costs(family.openings(), operations - closingCost);
        if (openingCosts.isEmpty() || !tellOne(story, family.openings(), random.pick(openingCosts), random)) {
            return false;
        }
        int left = operations - closingCost - story.operations();
        while (left > 0) {
            int most = left;
            List<Event> fitting = family.middles().stream().filter(e -> e.cost() <= most).toList();
            // The same event twice in a row reads oddly ("9 teachers go with them. 9 teachers go with them.").
            List<String> told = story.events();
            List<Event> fresh = fitting.stream().filter(e -> !e.id().equals(told.getLast())).toList();
            if (!tellAny(story, fresh, random) && !tellAny(story, fitting, random)) {
                return false;
            }
            left = operations - closingCost - story.operations();
        }
        return tellOne(story, family.closings(), closingCost, random) && story.question() != null;
    }

    private static List<Integer> costs(List<Event> events, int most) {
        return events.stream().map(Event::cost).filter(c -> c <= most).distinct().toList();
    }

    private static boolean tellOne(Story story, List<Event> events, int cost, WorldRandom random) {
        return tellAny(story, events.stream().filter(e -> e.cost() == cost).toList(), random);
    }

    /** Tells one of {@code events}, trying them in random order, each a few times with fresh numbers. */
    private static boolean tellAny(Story story, List<Event> events, WorldRandom random) {
        for (Event event : random.shuffled(events)) {
            for (int i = 0; i < TRIES_PER_EVENT; i++) {
                Story.Mark mark = story.mark();
                try {
                    event.telling().tell(story, random);
                } catch (Story.Rejected e) {
                    story.reset(mark);
                    continue;
                }
                int added = story.operations() - mark.steps();
                if (added != event.cost()) {
                    throw new IllegalStateException("event " + event.id() + " declares cost " + event.cost()
                            + " but added " + added + " operations");
                }
                story.told(event.id());
                return true;
            }
        }
        return false;
    }

    private static WorldProblem problem(Family family, Story story, List<String> outsiders, WorldRandom random) {
        List<String> sentences = new ArrayList<>(story.sentences());
        List<Distractor> distractors = new ArrayList<>();
        int count = random.weighted(DISTRACTOR_COUNT_WEIGHTS);
        for (int i = 0; i < count; i++) {
            Distractor d = Distractor.draw(outsiders.get(i), random);
            distractors.add(d);
            sentences.add(1 + random.index(sentences.size()), d.sentence());
        }
        String question = String.join(" ", sentences) + " " + story.question();
        String template = family.name() + ":" + String.join(">", story.events());
        List<Step> steps = story.steps();
        return new WorldProblem("", family.name(), template, steps.size(), story.numbers(), story.sentences(),
                distractors, story.question(), question, steps, OverthinkingPlan.draw(steps, random));
    }
}
