package dev.reason4j.testbed.world;

import java.util.List;

/**
 * Scaling a recipe: the amount for one piece is a fraction, so answers are often exact fractions ("15/4 cups").
 * Stages: {@code per} (the chain is the amount for one piece) and {@code total} (the amount for the whole bake).
 */
final class RecipeStories {

    private record Dish(String one, String many) {}

    private static final List<Dish> DISHES = List.of(new Dish("cookie", "cookies"), new Dish("pancake", "pancakes"),
            new Dish("muffin", "muffins"), new Dish("waffle", "waffles"), new Dish("scone", "scones"));
    private static final List<String> INGREDIENTS =
            List.of("cups of flour", "cups of milk", "spoons of sugar", "spoons of butter", "cups of oats");
    private static final String PER = "per";
    private static final String TOTAL = "total";

    private RecipeStories() {}

    static Family family() {
        return new Family("recipe", 10_000, (s, r) -> {
            Dish dish = r.pick(DISHES);
            s.define("one", dish.one());
            s.define("many", dish.many());
            s.define("ingredient", r.pick(INGREDIENTS));
        }, List.of(
                Event.of("per", 1, (s, r) -> {
                    long amount = r.between(1, 9);
                    long pieces = r.between(2, 24);
                    String ingredient = s.word("ingredient");
                    s.say("A recipe uses %d %s for %d %s.", amount, ingredient, pieces, s.word("many"));
                    s.remember(PER, s.open(Op.FRACTION, s.number(amount), s.number(pieces), "per_piece",
                            "Find the " + ingredient + " for one " + s.word("one"), "One " + s.word("one") + " needs",
                            ingredient));
                    s.stage(PER);
                })),
                List.of(
                        Event.of("make", 1, (s, r) -> {
                            s.require(PER);
                            long n = r.between(2, 60);
                            s.say("%s wants to make %d %s.", s.person(0), n, s.word("many"));
                            s.update(Op.MULTIPLY, s.number(n), "needed", "Multiply by the number of " + s.word("many"),
                                    "For all of them, " + s.person(0) + " needs", s.word("ingredient"));
                            s.stage(TOTAL);
                        }),
                        Event.of("bigger", 1, (s, r) -> {
                            s.require(PER);
                            long k = r.between(2, 3);
                            s.say("%s makes each %s %s as big.", s.person(0), s.word("one"), Phrases.times(k));
                            s.remember(PER, s.update(Op.MULTIPLY, s.number(k), "per_piece",
                                    "Multiply the amount for one " + s.word("one") + " by " + k,
                                    "One bigger " + s.word("one") + " needs", s.word("ingredient")));
                        }),
                        Event.of("extra-batch", 2, (s, r) -> {
                            s.require(TOTAL);
                            long n = r.between(2, 30);
                            String many = s.word("many");
                            String ingredient = s.word("ingredient");
                            s.say("%s also makes %d %s for %s.", s.person(0), n, many, s.person(1));
                            Ref extra = s.side(Op.MULTIPLY, s.recall(PER), s.number(n), "extra",
                                    "Find the " + ingredient + " for the extra " + many, "The extra " + many + " need",
                                    ingredient);
                            s.update(Op.ADD, extra, "needed", "Add the extra " + ingredient,
                                    "In total, " + s.person(0) + " needs", ingredient);
                        }),
                        Event.of("double", 1, (s, r) -> {
                            s.require(TOTAL);
                            s.say("Then %s decides to double the whole amount.", s.person(0));
                            s.update(Op.MULTIPLY, s.number(2), "doubled", "Double the amount",
                                    "Doubled, that is", s.word("ingredient"));
                        }),
                        Event.of("spare", 1, (s, r) -> {
                            s.require(TOTAL);
                            long n = r.between(1, 6);
                            String ingredient = s.word("ingredient");
                            s.say("%s wants %d extra %s just in case.", s.person(0), n, ingredient);
                            s.update(Op.ADD, s.number(n), "with_spare", "Add the spare " + ingredient,
                                    "With the spare, " + s.person(0) + " needs", ingredient);
                        })),
                List.of(
                        Event.of("amount", 0, (s, r) -> {
                            s.require(TOTAL);
                            s.ask("How many %s does %s need?", s.word("ingredient"), s.person(0));
                        }),
                        Event.of("one", 0, (s, r) -> {
                            s.require(PER);
                            s.ask("How many %s does one %s need?", s.word("ingredient"), s.word("one"));
                        }),
                        Event.of("buy", 1, (s, r) -> {
                            s.require(TOTAL);
                            long floor = s.current().value().num().divide(s.current().value().den()).longValueExact();
                            long home = r.between(1, s.current().value().isInteger() ? floor - 1 : floor);
                            String ingredient = s.word("ingredient");
                            s.ask("%s has %d %s at home. How many more %s does %s need?", s.person(0), home, ingredient,
                                    ingredient, s.person(0));
                            s.update(Op.SUBTRACT, s.number(home), "to_buy", "Subtract what is at home",
                                    s.person(0) + " still needs", ingredient);
                        })));
    }
}
