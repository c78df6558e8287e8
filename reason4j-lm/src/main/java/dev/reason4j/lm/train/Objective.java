package dev.reason4j.lm.train;

import java.util.Locale;

/**
 * What a training run optimises, and which {@link TrainingExample} kind it reads. Each objective's formula lives in
 * the Javadoc of its loss class in the engine ({@code SftLoss}, {@code DpoLoss}, {@code RpoLoss}, {@code SimpoLoss},
 * {@code LengthHarmonizingLoss}, {@code PpmPairwiseLoss}, {@code QValueRegressionLoss}, {@code OutcomeRewardLoss}).
 */
public enum Objective {
    /** Supervised fine-tuning: token cross-entropy on the response, prompt masked. */
    SFT(SequenceExample.class, false),
    /** Direct preference optimisation (Rafailov et al., 2023) against a frozen reference. */
    DPO(PreferenceExample.class, false),
    /** DPO plus α times the chosen response's per-token NLL (Pang et al., 2024, "Iterative RPO"). */
    RPO(PreferenceExample.class, false),
    /** Simple preference optimisation (Meng et al., 2024): length-normalised, no reference model. */
    SIMPO(PreferenceExample.class, false),
    /** O1-Pruner's length-harmonizing PPO-style loss (Luo et al., 2025). */
    LH(AdvantageExample.class, false),
    /** rStar-Math's process preference model: pairwise loss on a scalar value head. */
    PPM(StepPairsExample.class, true),
    /** Process Q-value model: value head regressed onto step Q values (rStar-Math's PQM ablation). */
    PQM(StepValueExample.class, true),
    /** Outcome reward model: value head trained with binary cross-entropy on correct/wrong responses. */
    ORM(SequenceExample.class, true);

    private final Class<? extends TrainingExample> exampleType;
    private final boolean valueHead;

    Objective(Class<? extends TrainingExample> exampleType, boolean valueHead) {
        this.exampleType = exampleType;
        this.valueHead = valueHead;
    }

    /** The example kind this objective trains on. */
    public Class<? extends TrainingExample> exampleType() {
        return exampleType;
    }

    /** Whether the trained model is the backbone plus a scalar value head (a reward model), not a policy. */
    public boolean valueHead() {
        return valueHead;
    }

    /** Parses a CLI name such as {@code "simpo"} or {@code "SFT"}. */
    public static Objective parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("objective must be one of sft, dpo, rpo, simpo, lh, ppm, pqm, orm, was '"
                    + name + "'", e);
        }
    }
}
