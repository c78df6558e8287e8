package dev.reason4j.search;

/**
 * One trajectory per problem, the most likely token at every step (temperature 0): the baseline every other
 * strategy has to beat, and the cheapest.
 */
public final class Greedy extends ChainSearch {

    @Override
    public String name() {
        return "greedy";
    }

    @Override
    public AnswerSelection selection() {
        return AnswerSelection.MAJORITY;
    }

    @Override
    int chains() {
        return 1;
    }

    @Override
    double temperature(SearchContext ctx) {
        return 0;
    }
}
