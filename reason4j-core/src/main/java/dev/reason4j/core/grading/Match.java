package dev.reason4j.core.grading;

/**
 * The outcome of comparing two parsed answers: equal or not, and why. {@link #UNDECIDED} means the comparison
 * could not tell (too few points where both sides are defined), and the grader falls back to comparing text.
 */
record Match(boolean equal, String reason) {

    static final Match UNDECIDED = new Match(false, "undecided");

    static Match yes(String reason) {
        return new Match(true, reason);
    }

    static Match no(String reason) {
        return new Match(false, reason);
    }

    boolean undecided() {
        return this == UNDECIDED;
    }
}
