package dev.reason4j.testbed.world;

import java.util.List;

/** Money in a wallet: pocket money, purchases at a unit price, discounts, splitting what is left. */
final class ShoppingStories {

    private static final List<String> GOODS = List.of("notebooks", "pens", "comic books", "sandwiches", "tickets", "plants");
    private static final List<String> TREATS = List.of("lunch", "a movie", "a book", "a scarf", "a board game");
    private static final List<String> CHORES = List.of("mowing lawns", "walking dogs", "washing cars", "babysitting");
    private static final List<String> RELATIVES = List.of("grandmother", "aunt", "uncle", "grandfather");
    private static final List<String> BIG_THINGS = List.of("jacket", "lamp", "backpack", "pair of shoes");
    private static final String DOLLARS = "dollars";

    private ShoppingStories() {}

    static Family family() {
        return new Family("shopping", 100_000, (s, r) -> s.define("goods", r.pick(GOODS)),
                List.of(
                        Event.of("wallet", 0, (s, r) -> {
                            long n = r.between(30, 300);
                            s.say("%s has $%d.", s.person(0), n);
                            s.open(s.number(n));
                        }),
                        Event.of("allowance", 1, (s, r) -> {
                            long each = r.between(5, 30);
                            long weeks = r.between(2, 10);
                            s.say("%s gets $%d of pocket money every week for %d weeks.", s.person(0), each, weeks);
                            s.open(Op.MULTIPLY, s.number(each), s.number(weeks), "money",
                                    "Find the pocket money over all the weeks", s.person(0) + " gets", DOLLARS);
                        })),
                List.of(
                        Event.of("buy", 2, (s, r) -> {
                            long count = r.between(2, 8);
                            long price = r.between(2, 15);
                            String goods = s.word("goods");
                            s.say("%s buys %d %s that cost $%d each.", s.person(0), count, goods, price);
                            Ref cost = s.side(Op.MULTIPLY, s.number(count), s.number(price), "cost",
                                    "Find the cost of the " + goods, "The " + goods + " cost", DOLLARS);
                            s.update(Op.SUBTRACT, cost, "left", "Subtract the cost from the money",
                                    "After buying them, " + s.person(0) + " has", DOLLARS);
                        }),
                        Event.of("earn", 1, (s, r) -> {
                            long n = r.between(5, 80);
                            s.say("%s earns $%d by %s.", s.person(0), n, r.pick(CHORES));
                            s.update(Op.ADD, s.number(n), "money", "Add the money earned",
                                    "After that, " + s.person(0) + " has", DOLLARS);
                        }),
                        Event.of("spend", 1, (s, r) -> {
                            long n = r.between(2, Math.min(60, s.whole() - 1));
                            String treat = r.pick(TREATS);
                            s.say("%s spends $%d on %s.", s.person(0), n, treat);
                            s.update(Op.SUBTRACT, s.number(n), "left", "Subtract what was spent on " + treat,
                                    s.person(0) + " then has", DOLLARS);
                        }),
                        Event.of("gift", 1, (s, r) -> {
                            long n = r.between(5, 50);
                            s.say("%s's %s gives %s $%d.", s.person(0), r.pick(RELATIVES), s.person(0), n);
                            s.update(Op.ADD, s.number(n), "money", "Add the gift",
                                    "With the gift, " + s.person(0) + " has", DOLLARS);
                        }),
                        Event.of("save-half", 1, (s, r) -> {
                            s.say("%s puts half of the money into a savings account.", s.person(0));
                            s.update(Op.DIVIDE, s.number(2), "spending_money", "Keep the other half",
                                    s.person(0) + " keeps", DOLLARS);
                        }),
                        Event.of("discount", 3, (s, r) -> {
                            long k = r.pick(List.of(2L, 4L, 5L, 10L));
                            long price = k * r.between(2, 30);
                            String thing = r.pick(BIG_THINGS);
                            s.say("%s buys a %s that costs $%d, with a %d%% discount.", s.person(0), thing, price, 100 / k);
                            Ref full = s.number(price);
                            Ref discount = s.side(Op.DIVIDE, full, s.number(k), "discount",
                                    "Find the discount: " + (100 / k) + "% is one " + ordinal(k) + " of the price",
                                    "The discount is", DOLLARS);
                            Ref paid = s.side(Op.SUBTRACT, full, discount, "price", "Find the price after the discount",
                                    "The " + thing + " costs", DOLLARS);
                            s.update(Op.SUBTRACT, paid, "left", "Subtract the price of the " + thing,
                                    "After buying it, " + s.person(0) + " has", DOLLARS);
                        })),
                List.of(
                        Event.of("left", 0, (s, r) -> s.ask("How many dollars does %s have now?", s.person(0))),
                        Event.of("split", 1, (s, r) -> {
                            long k = r.divisor(s.current().value(), 2, 6);
                            s.ask("%s splits the money equally among %d cousins. How many dollars does each cousin get?",
                                    s.person(0), k);
                            s.update(Op.DIVIDE, s.number(k), "each", "Split the money equally among " + k + " cousins",
                                    "Each cousin gets", DOLLARS);
                        }),
                        Event.of("afford", 1, (s, r) -> {
                            long price = r.between(3, Math.min(25, s.whole()));
                            String goods = s.word("goods");
                            s.ask("%s wants to buy %s that cost $%d each. How many can %s buy with the money?",
                                    s.person(0), goods, price, s.person(0));
                            s.update(Op.FLOOR_DIVIDE, s.number(price), "count",
                                    "Divide the money by the price and keep the whole part", s.person(0) + " can buy",
                                    goods);
                        }),
                        Event.of("short", 1, (s, r) -> {
                            long goal = s.whole() + r.between(5, 120);
                            String thing = r.pick(BIG_THINGS);
                            s.ask("%s wants a %s that costs $%d. How many more dollars does %s need?", s.person(0), thing,
                                    goal, s.person(0));
                            s.updateFrom(Op.SUBTRACT, s.number(goal), "missing",
                                    "Subtract the money from the price of the " + thing, s.person(0) + " still needs",
                                    DOLLARS);
                        })));
    }

    private static String ordinal(long k) {
        return switch ((int) k) {
            case 2 -> "half";
            case 4 -> "quarter";
            case 5 -> "fifth";
            case 10 -> "tenth";
            default -> throw new IllegalArgumentException("no ordinal for " + k);
        };
    }
}
