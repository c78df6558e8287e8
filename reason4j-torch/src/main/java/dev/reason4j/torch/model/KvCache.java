package dev.reason4j.torch.model;

import dev.reason4j.torch.Native;
import dev.reason4j.torch.Tensors;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Device;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch.ScalarType;

/**
 * Keys and values of every layer for a batch of sequences: per layer two tensors
 * {@code (batch, kvHeads, capacity, headDim)}. Slot {@code s} of a row holds the token written there by
 * {@link DecoderModel#forward}; keys are stored after rotary embedding, so a prefix's slots are valid for any
 * sequence that starts with the same tokens at the same positions.
 *
 * <p>Holds native memory until {@link #close()}. {@link #share()} hands out another owner of the same tensors.
 */
@SuppressWarnings("try") // a PointerScope frees what its block allocates; the block never names it
public final class KvCache implements AutoCloseable {

    private final Tensor[] keys;
    private final Tensor[] values;
    private boolean closed;

    private KvCache(Tensor[] keys, Tensor[] values) {
        this.keys = keys;
        this.values = values;
    }

    /** A zeroed cache for {@code batch} rows of {@code capacity} slots. */
    public static KvCache allocate(ModelConfig config, int batch, long capacity, ScalarType type, Device device) {
        long[] shape = {batch, config.numKvHeads(), capacity, config.headDim()};
        Tensor[] keys = new Tensor[config.numLayers()];
        Tensor[] values = new Tensor[config.numLayers()];
        try (PointerScope scope = new PointerScope()) {
            for (int layer = 0; layer < keys.length; layer++) {
                keys[layer] = Native.keep(Tensors.zeros(shape, type, device));
                values[layer] = Native.keep(Tensors.zeros(shape, type, device));
            }
        }
        return new KvCache(keys, values);
    }

    public Tensor keys(int layer) {
        return keys[layer];
    }

    public Tensor values(int layer) {
        return values[layer];
    }

    public int layers() {
        return keys.length;
    }

    public int batch() {
        return (int) keys[0].size(0);
    }

    public long capacity() {
        return keys[0].size(2);
    }

    /** Native bytes held. */
    public long bytes() {
        long total = 0;
        for (int layer = 0; layer < keys.length; layer++) {
            total += keys[layer].nbytes() + values[layer].nbytes();
        }
        return total;
    }

    /** Another owner of the same tensors; each owner closes its own. */
    public KvCache share() {
        Tensor[] k = keys.clone();
        Tensor[] v = values.clone();
        for (int layer = 0; layer < k.length; layer++) {
            Native.keep(k[layer]);
            Native.keep(v[layer]);
        }
        return new KvCache(k, v);
    }

    /**
     * Copies slots {@code [0, length)} of row {@code sourceRow} of {@code source} into row {@code row} of this
     * cache, starting at slot {@code slot}.
     */
    public void copyFrom(KvCache source, int sourceRow, long length, int row, long slot) {
        if (length == 0) {
            return;
        }
        try (PointerScope scope = new PointerScope()) {
            for (int layer = 0; layer < keys.length; layer++) {
                keys[layer].select(0, row).narrow(1, slot, length)
                        .copy_(source.keys[layer].select(0, sourceRow).narrow(1, 0, length));
                values[layer].select(0, row).narrow(1, slot, length)
                        .copy_(source.values[layer].select(0, sourceRow).narrow(1, 0, length));
            }
        }
    }

    /** A new cache holding only {@code rows} of this one, in that order (used to drop finished sequences). */
    public KvCache selectRows(long[] rows) {
        Tensor[] k = new Tensor[keys.length];
        Tensor[] v = new Tensor[values.length];
        try (PointerScope scope = new PointerScope()) {
            Tensor index = Tensors.longs(rows, new long[] {rows.length}, keys[0].device());
            for (int layer = 0; layer < keys.length; layer++) {
                k[layer] = Native.keep(keys[layer].index_select(0, index));
                v[layer] = Native.keep(values[layer].index_select(0, index));
            }
        }
        return new KvCache(k, v);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (int layer = 0; layer < keys.length; layer++) {
            Native.release(keys[layer]);
            Native.release(values[layer]);
        }
    }
}
