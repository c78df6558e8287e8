package dev.reason4j.torch.train;

import dev.reason4j.lm.train.Adaptation;
import dev.reason4j.torch.CheckpointException;
import dev.reason4j.torch.Tensors;
import dev.reason4j.torch.model.DecoderModel;
import dev.reason4j.torch.model.LinearAdapter;
import dev.reason4j.torch.model.ModelParameter;
import dev.reason4j.torch.safetensors.SafetensorsCheckpoint;
import dev.reason4j.torch.safetensors.SafetensorsFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.pytorch.Device;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.bytedeco.pytorch.global.torch.DeviceType;
import org.bytedeco.pytorch.global.torch.ScalarType;

/**
 * A {@link DecoderModel} set up for training: which parameters require gradients ({@link Adaptation}), LoRA
 * adapters when asked for, a {@link ValueHead} for reward-model objectives, and bf16 autocast on CUDA. Runs the
 * full-sequence forward pass ({@link DecoderModel#forwardSequences}) and turns it into what losses read: summed
 * response log-probabilities or value-head scores.
 */
final class TrainableModel implements AutoCloseable {

    private final DecoderModel model;
    private final LoraAdapters lora;
    private final ValueHead head;
    private final boolean autocast;
    private final List<Tensor> trainable;

    private TrainableModel(DecoderModel model, LoraAdapters lora, ValueHead head, boolean autocast, List<Tensor> trainable) {
        this.model = model;
        this.lora = lora;
        this.head = head;
        this.autocast = autocast;
        this.trainable = List.copyOf(trainable);
    }

    /**
     * Loads {@code dir} in {@code type} (float32 for training; float64 for gradient checks) and marks what trains.
     * A value head is read from the checkpoint when it has one, else initialised; LoRA adapters and a new head draw
     * from libtorch's generator seeded with {@code seed}.
     *
     * @param mixedPrecision run forward passes under bf16 autocast when {@code device} is a GPU
     */
    static TrainableModel load(Path dir, ScalarType type, Device device, Adaptation adaptation, boolean valueHead,
            long seed, boolean mixedPrecision) {
        torch.manual_seed(seed);
        DecoderModel model = DecoderModel.load(dir, type, device);
        try {
            ValueHead head = null;
            if (valueHead) {
                try (SafetensorsCheckpoint checkpoint = SafetensorsCheckpoint.open(dir)) {
                    head = ValueHead.presentIn(checkpoint) ? ValueHead.read(checkpoint, type, device)
                            : ValueHead.initialise(model.config().hiddenSize(), type, device);
                }
            }
            List<Tensor> trainable = new ArrayList<>();
            LoraAdapters lora = null;
            int layers = model.config().numLayers();
            switch (adaptation) {
                case Adaptation.Full full -> model.parameters().forEach(p -> trainable.add(p.tensor()));
                case Adaptation.LastLayers last -> {
                    if (last.layers() > layers) {
                        throw new IllegalArgumentException("adaptation.layers is " + last.layers() + " but "
                                + dir + " has only " + layers + " layers");
                    }
                    for (ModelParameter p : model.parameters()) {
                        if (p.layer() >= layers - last.layers()) {
                            trainable.add(p.tensor());
                        }
                    }
                }
                case Adaptation.Lora spec -> {
                    lora = new LoraAdapters(spec, model);
                    trainable.addAll(lora.parameters());
                }
            }
            if (head != null) {
                trainable.add(head.weight());
                trainable.add(head.bias());
            }
            trainable.forEach(t -> t.set_requires_grad(true));
            return new TrainableModel(model, lora, head, mixedPrecision && !device.is_cpu(), trainable);
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    DecoderModel model() {
        return model;
    }

    /** {@code values} as a {@code (n)} tensor in the type losses compute in, on the model's device. */
    Tensor vector(double[] values) {
        ScalarType type = model.type().value == ScalarType.Double.value ? ScalarType.Double : ScalarType.Float;
        return Tensors.doubles(values, type, model.device());
    }

    /** The tensors the optimizer updates, in a fixed order (optimizer state is matched by position on resume). */
    List<Tensor> trainable() {
        return trainable;
    }

    boolean hasValueHead() {
        return head != null;
    }

    long trainableCount() {
        return trainable.stream().mapToLong(Tensor::numel).sum();
    }

    long totalCount() {
        long total = model.parameters().stream().mapToLong(p -> p.tensor().numel()).sum();
        if (lora != null) {
            total += lora.parameters().stream().mapToLong(Tensor::numel).sum();
        }
        if (head != null) {
            total += head.weight().numel() + head.bias().numel();
        }
        return total;
    }

    /** Switches LoRA dropout on (training) or off (evaluation, reference passes). */
    void training(boolean on) {
        if (lora != null) {
            lora.training(on);
        }
    }

    /** The LoRA adapters, or the plain model's identity adapter. */
    LinearAdapter adapter() {
        return lora != null ? lora : LinearAdapter.NONE;
    }

    /** Hidden states after the final norm, {@code (batch, time, hidden)}. */
    Tensor hidden(SequenceBatch batch) {
        LinearAdapter adapter = adapter();
        if (!autocast) {
            return model.forwardSequences(batch.tokens(), batch.positions(), adapter);
        }
        torch.set_autocast_dtype(DeviceType.CUDA, ScalarType.BFloat16);
        torch.set_autocast_enabled(DeviceType.CUDA, true);
        try {
            return model.forwardSequences(batch.tokens(), batch.positions(), adapter);
        } finally {
            torch.set_autocast_enabled(DeviceType.CUDA, false);
            torch.clear_cache();
        }
    }

    /** Per row, the summed log-probability of its scored tokens, {@code (batch)}, float32 (float64 for a float64 model). */
    Tensor logprobSums(SequenceBatch batch) {
        Tensor hidden = hidden(batch);
        Tensor flat = hidden.reshape(-1, hidden.size(-1)).index_select(0, batch.predictors());
        Tensor logprobs = torch.log_softmax(model.logits(flat), 1);
        Tensor picked = logprobs.gather(1, batch.targets().unsqueeze(1), false).squeeze(1);
        Tensor sums = torch.zeros(new long[] {batch.rows()}, picked.options());
        return sums.index_add(0, batch.targetRows(), picked);
    }

    /** The value head's raw score at each row's last token, {@code (batch)}. */
    Tensor values(SequenceBatch batch) {
        if (head == null) {
            throw new IllegalStateException("this model has no value head");
        }
        return head.applyAt(hidden(batch), batch.lastPositions());
    }

    /**
     * The model to save, under Hugging Face names: backbone weights with LoRA merged in, plus the value head's
     * tensors. New tensors belong to the caller's scope.
     */
    Map<String, Tensor> exportWeights() {
        Map<String, Tensor> weights = model.namedWeights();
        Map<String, Tensor> out = lora != null ? lora.merged(weights) : new LinkedHashMap<>(weights);
        if (head != null) {
            out.putAll(head.named());
        }
        return out;
    }

    /**
     * What a resumable checkpoint must hold to rebuild this model from the starting checkpoint: the backbone (full
     * and last-layers training; frozen layers included, which keeps the file a loadable model) or only the LoRA
     * adapters, plus the value head.
     */
    Map<String, Tensor> state() {
        Map<String, Tensor> out = new LinkedHashMap<>(lora != null ? lora.named() : model.namedWeights());
        if (head != null) {
            out.putAll(head.named());
        }
        return out;
    }

    /** Copies a {@link #state()} saved in {@code file} into this model. */
    @SuppressWarnings("try")
    void loadState(SafetensorsFile file) {
        try (NoGradGuard noGrad = new NoGradGuard()) {
            for (Map.Entry<String, Tensor> e : state().entrySet()) {
                if (!file.entries().containsKey(e.getKey())) {
                    throw new CheckpointException(file.path() + ": checkpoint lacks tensor '" + e.getKey() + "'");
                }
                e.getValue().copy_(file.read(e.getKey()).to(e.getValue().device(), e.getValue().scalar_type()));
            }
        }
    }

    @Override
    public void close() {
        if (lora != null) {
            lora.close();
        }
        if (head != null) {
            head.close();
        }
        model.close();
    }
}
