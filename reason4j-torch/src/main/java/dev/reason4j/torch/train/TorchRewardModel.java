package dev.reason4j.torch.train;

import dev.reason4j.lm.Prompts;
import dev.reason4j.lm.Tokenizer;
import dev.reason4j.lm.hf.HfTokenizer;
import dev.reason4j.lm.reward.RewardModel;
import dev.reason4j.lm.reward.RewardRequest;
import dev.reason4j.lm.reward.RewardScore;
import dev.reason4j.lm.reward.ValueTransform;
import dev.reason4j.torch.CheckpointException;
import dev.reason4j.torch.ComputeDtype;
import dev.reason4j.torch.DeviceChoice;
import dev.reason4j.torch.Tensors;
import dev.reason4j.torch.model.DecoderModel;
import dev.reason4j.torch.model.LinearAdapter;
import dev.reason4j.torch.model.ModelConfig;
import dev.reason4j.torch.safetensors.SafetensorsCheckpoint;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Device;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.global.torch.ScalarType;

/**
 * A trained value-head model ({@code reason4j train ppm|pqm|orm}) scoring trajectories in-process: the request's
 * prompt and trajectory tokens run through the backbone, and the {@link ValueHead} reads the last token's hidden
 * state, as rStar-Math's PPM does. The raw output goes through a {@link ValueTransform}: {@code TANH_OVER_5} gives
 * rStar-Math's inference score in (-1, 1) for a pairwise-trained PPM; an ORM's raw output is a logit.
 *
 * <p>Trajectory tokens come from {@link RewardRequest#trajectoryTokenIds()} when given (the policy's own tokens,
 * for a PPM sharing its tokenizer), else from encoding the text. Requests are scored {@value #ROWS} at a time in one
 * forward pass each.
 */
@SuppressWarnings("try") // a PointerScope frees what its block allocates; the block never names it
public final class TorchRewardModel extends RewardModel {

    private static final int ROWS = 16;

    private final String id;
    private final Kind kind;
    private final DecoderModel model;
    private final ValueHead head;
    private final Tokenizer tokenizer;
    private final ValueTransform transform;

    private TorchRewardModel(String id, Kind kind, DecoderModel model, ValueHead head, Tokenizer tokenizer,
            ValueTransform transform) {
        this.id = id;
        this.kind = kind;
        this.model = model;
        this.head = head;
        this.tokenizer = tokenizer;
        this.transform = transform;
    }

    /**
     * Loads a model directory with a value head ({@value ValueHead#WEIGHT}, {@value ValueHead#BIAS}).
     *
     * @param kind {@link Kind#PROCESS} for a PPM or PQM, {@link Kind#OUTCOME} for an ORM
     * @throws CheckpointException when the directory has no value head
     */
    public static TorchRewardModel open(Path dir, Kind kind, DeviceChoice device, ValueTransform transform) {
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(transform, "transform");
        if (kind != Kind.PROCESS && kind != Kind.OUTCOME) {
            throw new IllegalArgumentException("kind must be PROCESS or OUTCOME for a value-head model, was " + kind);
        }
        Device resolved = device.resolve();
        ModelConfig config = ModelConfig.read(dir.resolve("config.json"));
        ScalarType type = ComputeDtype.AUTO.resolve(config.storedDtype(), !resolved.is_cpu());
        ValueHead head;
        try (SafetensorsCheckpoint checkpoint = SafetensorsCheckpoint.open(dir)) {
            if (!ValueHead.presentIn(checkpoint)) {
                throw new CheckpointException(dir + ": no value head (tensors " + ValueHead.WEIGHT + ", " + ValueHead.BIAS
                        + "): train one with `reason4j train ppm`");
            }
            head = ValueHead.read(checkpoint, ScalarType.Float, resolved);
        }
        Tokenizer tokenizer = null;
        DecoderModel model = null;
        try {
            tokenizer = HfTokenizer.load(dir);
            model = DecoderModel.load(dir, type, resolved);
            return new TorchRewardModel(dir.toAbsolutePath().normalize().getFileName().toString(), kind, model, head,
                    tokenizer, transform);
        } catch (RuntimeException e) {
            head.close();
            if (tokenizer != null) {
                tokenizer.close();
            }
            throw e;
        }
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Kind kind() {
        return kind;
    }

    /** The head's raw outputs for token sequences (each at least one token), before the transform. */
    public synchronized double[] rawScores(List<int[]> sequences) {
        int vocab = model.config().vocabSize();
        for (int i = 0; i < sequences.size(); i++) {
            for (int id : sequences.get(i)) {
                if (id < 0 || id >= vocab) {
                    throw new IllegalArgumentException("sequence " + i + " has token id " + id
                            + ", outside the vocabulary of " + vocab);
                }
            }
        }
        double[] out = new double[sequences.size()];
        for (int start = 0; start < sequences.size(); start += ROWS) {
            List<int[]> part = sequences.subList(start, Math.min(sequences.size(), start + ROWS));
            List<SequenceBatch.Scored> rows = part.stream().map(s -> new SequenceBatch.Scored(s, s.length)).toList();
            try (PointerScope scope = new PointerScope(); NoGradGuard noGrad = new NoGradGuard()) {
                SequenceBatch batch = SequenceBatch.pack(rows, Collections.nCopies(rows.size(), id), model.device());
                float[] values = Tensors.floats(head.applyAt(
                        model.forwardSequences(batch.tokens(), batch.positions(), LinearAdapter.NONE), batch.lastPositions()));
                for (int i = 0; i < values.length; i++) {
                    out[start + i] = values[i];
                }
            }
        }
        return out;
    }

    @Override
    protected List<RewardScore> doScore(List<RewardRequest> batch) {
        List<int[]> sequences = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            RewardRequest r = batch.get(i);
            int[] prompt = Prompts.encode(r.prompt(), tokenizer);
            int[] steps = !r.trajectoryTokenIds().isEmpty()
                    ? r.trajectoryTokenIds().stream().mapToInt(Integer::intValue).toArray()
                    : tokenizer.encode(r.trajectory());
            if (prompt.length + steps.length == 0) {
                throw new IllegalArgumentException("batch[" + i + "]: prompt and trajectory are both empty");
            }
            sequences.add(SequenceBatch.Scored.of(prompt, steps).tokens());
        }
        double[] raw = rawScores(sequences);
        List<RewardScore> scores = new ArrayList<>();
        for (int i = 0; i < raw.length; i++) {
            scores.add(new RewardScore(transform.apply(raw[i]), sequences.get(i).length));
        }
        return scores;
    }

    @Override
    public synchronized void close() {
        head.close();
        model.close();
        tokenizer.close();
    }
}
