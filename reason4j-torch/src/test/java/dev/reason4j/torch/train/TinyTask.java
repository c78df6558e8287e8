package dev.reason4j.torch.train;

import dev.reason4j.lm.train.AdvantageExample;
import dev.reason4j.lm.train.Objective;
import dev.reason4j.lm.train.PreferenceExample;
import dev.reason4j.lm.train.SequenceExample;
import dev.reason4j.lm.train.StepPairsExample;
import dev.reason4j.lm.train.StepValueExample;
import dev.reason4j.lm.train.TrainingExample;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Random;

/** Small seeded example sets for each objective over the fixture vocabulary (ids 10..299): a few tokens each. */
final class TinyTask {

    private TinyTask() {}

    static List<TrainingExample> examples(Objective objective, int count, long seed) {
        Random random = new Random(seed);
        List<TrainingExample> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String source = "tiny.jsonl:" + (i + 1);
            out.add(switch (objective) {
                case SFT -> SequenceExample.sft(source, ids(random, 4), ids(random, 4));
                case DPO, RPO, SIMPO -> new PreferenceExample(source, ids(random, 3), ids(random, 4), ids(random, 4));
                case LH -> new AdvantageExample(source, ids(random, 3), ids(random, 4), i % 2 == 0 ? 1.0 : -1.0,
                        i % 4 == 1 ? OptionalDouble.of(-6.0) : OptionalDouble.empty());
                case PPM -> new StepPairsExample(source, ids(random, 4), List.of(ids(random, 3), ids(random, 3)),
                        List.of(ids(random, 3), ids(random, 2)));
                case PQM -> new StepValueExample(source, ids(random, 4), ids(random, 3), random.nextDouble() * 2 - 1);
                case ORM -> new SequenceExample(source, ids(random, 3), ids(random, 4), 1.0, i % 2);
            });
        }
        return out;
    }

    static int[] ids(Random random, int length) {
        int[] out = new int[length];
        for (int i = 0; i < length; i++) {
            out[i] = 10 + random.nextInt(290);
        }
        return out;
    }
}
