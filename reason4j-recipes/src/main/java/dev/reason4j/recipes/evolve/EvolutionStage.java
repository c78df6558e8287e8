package dev.reason4j.recipes.evolve;

import java.util.Locale;

/** The stages of a self-evolution round, in order; each writes into its own directory of the round's directory. */
public enum EvolutionStage {
    /** MCTS over the problems with oracle terminal rewards (and the previous round's PPM). */
    SYNTHESIS,
    /** The policy's SFT data and the PPM's pairs, extracted from the trees. */
    DATA,
    /** SFT of the base model on the round's trajectories. */
    POLICY,
    /** The PPM, trained from the round's policy on the round's pairs. */
    PPM,
    /** The round's policy (with its PPM) on the evaluation problems. */
    EVAL;

    /** Its directory in the round's directory, and its name in messages. */
    public String dirName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
