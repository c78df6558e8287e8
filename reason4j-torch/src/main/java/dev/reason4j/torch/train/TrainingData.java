package dev.reason4j.torch.train;

import dev.reason4j.core.provenance.Hashing;
import dev.reason4j.lm.train.AdvantageExample;
import dev.reason4j.lm.train.PreferenceExample;
import dev.reason4j.lm.train.SequenceExample;
import dev.reason4j.lm.train.StepPairsExample;
import dev.reason4j.lm.train.StepValueExample;
import dev.reason4j.lm.train.TrainingConfig;
import dev.reason4j.lm.train.TrainingExample;
import dev.reason4j.torch.model.ModelConfig;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/** Checks a run's examples against the model before any work, and fingerprints run and data for resuming. */
final class TrainingData {

    private TrainingData() {}

    /**
     * Checks that every token id is in the vocabulary, that no sequence exceeds the model's context and that each
     * policy example has at least one token to predict.
     *
     * @throws IllegalArgumentException naming the example's source and the field
     */
    static void check(List<TrainingExample> examples, ModelConfig model) {
        for (TrainingExample example : examples) {
            for (Sequence s : sequences(example)) {
                int length = s.prompt().length + s.response().length;
                if (length > model.maxPositions()) {
                    throw new IllegalArgumentException(example.source() + ": " + s.field() + " holds " + length
                            + " tokens with its prompt, more than the model's context of " + model.maxPositions());
                }
                if (s.predicted() && length < 2) {
                    throw new IllegalArgumentException(example.source() + ": " + s.field()
                            + " has one token and no prompt: nothing to predict it from");
                }
                checkIds(s.prompt(), example.source(), s.field(), model.vocabSize());
                checkIds(s.response(), example.source(), s.field(), model.vocabSize());
            }
        }
    }

    private static void checkIds(int[] ids, String source, String field, int vocab) {
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] < 0 || ids[i] >= vocab) {
                throw new IllegalArgumentException(source + ": " + field + " token " + i + " is id " + ids[i]
                        + ", outside the model's vocabulary of " + vocab);
            }
        }
    }

    /** A sequence an example feeds the model, named by the example's field. */
    private record Sequence(String field, int[] prompt, int[] response, boolean predicted) {}

    private static List<Sequence> sequences(TrainingExample example) {
        List<Sequence> out = new ArrayList<>();
        switch (example) {
            case SequenceExample e -> out.add(new Sequence("response", e.prompt(), e.response(), true));
            case PreferenceExample e -> {
                out.add(new Sequence("chosen", e.prompt(), e.chosen(), true));
                out.add(new Sequence("rejected", e.prompt(), e.rejected(), true));
            }
            case AdvantageExample e -> out.add(new Sequence("response", e.prompt(), e.response(), true));
            case StepPairsExample e -> {
                e.positives().forEach(step -> out.add(new Sequence("positives", e.prefix(), step, false)));
                e.negatives().forEach(step -> out.add(new Sequence("negatives", e.prefix(), step, false)));
            }
            case StepValueExample e -> out.add(new Sequence("step", e.prefix(), e.step(), false));
        }
        return out;
    }

    /**
     * A digest of what decides the run's result: the configuration (less where outputs go and how often they are
     * written), the starting model's directory and every example's content. A checkpoint resumes only a run with
     * the same fingerprint.
     */
    static String fingerprint(TrainingConfig config, Path modelDir, List<TrainingExample> examples) {
        TrainingConfig math = config.toBuilder().outputDir(Path.of("-")).evalEvery(0).checkpointEvery(0)
                .keepCheckpoints(1).build();
        MessageDigest digest = Hashing.newSha256();
        digest.update(math.toString().getBytes(StandardCharsets.UTF_8));
        digest.update(modelDir.toAbsolutePath().normalize().toString().getBytes(StandardCharsets.UTF_8));
        for (TrainingExample example : examples) {
            digest.update(example.getClass().getSimpleName().getBytes(StandardCharsets.UTF_8));
            for (Sequence s : sequences(example)) {
                update(digest, s.prompt());
                update(digest, s.response());
            }
            double[] numbers = switch (example) {
                case SequenceExample e -> new double[] {e.weight(), e.label()};
                case AdvantageExample e -> new double[] {e.advantage(), e.referenceMeanLogprob().orElse(Double.NaN)};
                case StepValueExample e -> new double[] {e.target()};
                case PreferenceExample e -> new double[0];
                case StepPairsExample e -> new double[] {e.positives().size(), e.negatives().size()};
            };
            ByteBuffer buffer = ByteBuffer.allocate(8 * numbers.length);
            for (double d : numbers) {
                buffer.putDouble(d);
            }
            digest.update(buffer.array());
        }
        return Hashing.hex(digest);
    }

    private static void update(MessageDigest digest, int[] ids) {
        ByteBuffer buffer = ByteBuffer.allocate(4 * ids.length + 4).putInt(ids.length);
        for (int id : ids) {
            buffer.putInt(id);
        }
        digest.update(buffer.array());
    }
}
