package dev.reason4j.search;

import java.util.Locale;

/** Why a branch of a search ended. Only {@link #ANSWER} yields a candidate answer; the others are dead ends. */
public enum TerminalReason {
    /** The branch gave a final answer. */
    ANSWER,
    /** The model ended the solution without a usable final answer (rStar-Math's "no valid child"). */
    NO_ANSWER,
    /** A step reached its token limit without ending where the protocol cannot continue it. */
    STEP_TOO_LONG,
    /** The branch reached the maximum number of steps (rStar-Math's "too many steps"). */
    TOO_MANY_STEPS,
    /** Too many steps in a row failed to run (rStar-Math's "too many code errors"). */
    TOO_MANY_CODE_ERRORS,
    /** The trajectory no longer fits the model's context. */
    CONTEXT_FULL;

    /** Whether the branch ended with an answer. */
    public boolean answered() {
        return this == ANSWER;
    }

    /** The lower-case name used in JSON, e.g. {@code too_many_steps}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
