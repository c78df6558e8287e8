package dev.reason4j.torch.train;

import dev.reason4j.lm.train.AdvantageExample;
import dev.reason4j.lm.train.PreferenceExample;
import dev.reason4j.lm.train.SequenceExample;
import dev.reason4j.lm.train.TrainingConfig;
import dev.reason4j.lm.train.TrainingExample;
import java.util.List;

/** Picks the {@link BatchObjective} for a configuration. */
final class Objectives {

    private Objectives() {}

    /** @param examples validated: each of the objective's example type */
    static BatchObjective create(TrainingConfig config, List<TrainingExample> examples) {
        return switch (config.objective()) {
            case SFT -> new SftObjective(cast(examples, SequenceExample.class));
            case DPO, RPO, SIMPO -> new PreferenceObjective(config, cast(examples, PreferenceExample.class));
            case LH -> new LengthHarmonizingObjective(config.lhEpsilon(), cast(examples, AdvantageExample.class));
            case PPM, PQM, ORM -> new ValueHeadObjective(config.objective(), examples);
        };
    }

    private static <T extends TrainingExample> List<T> cast(List<TrainingExample> examples, Class<T> type) {
        return examples.stream().map(type::cast).toList();
    }
}
