package dev.reason4j.torch;

import java.util.Objects;

/**
 * How the engine runs a model. Build with {@link #builder()}.
 *
 * @param device CPU, CUDA or AUTO
 * @param dtype the type weights are held and multiplied in
 * @param prefixCacheBytes memory the prefix cache may hold; 0 turns it off
 * @param maxBatchSize most sequences decoded together (more are run in successive batches)
 * @param prefillChunk prompt tokens run through the model at once (bounds activation memory on long prompts)
 * @param threads libtorch intra-op threads (a process-wide setting); 0 leaves libtorch's choice
 * @param contextLength most tokens per sequence; 0 takes {@code max_position_embeddings} from config.json
 */
public record EngineOptions(DeviceChoice device, ComputeDtype dtype, long prefixCacheBytes, int maxBatchSize,
        int prefillChunk, int threads, int contextLength) {

    public EngineOptions {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(dtype, "dtype");
        if (prefixCacheBytes < 0) {
            throw new IllegalArgumentException("prefixCacheBytes must be >= 0, was " + prefixCacheBytes);
        }
        if (maxBatchSize < 1) {
            throw new IllegalArgumentException("maxBatchSize must be >= 1, was " + maxBatchSize);
        }
        if (prefillChunk < 1) {
            throw new IllegalArgumentException("prefillChunk must be >= 1, was " + prefillChunk);
        }
        if (threads < 0) {
            throw new IllegalArgumentException("threads must be >= 0, was " + threads);
        }
        if (contextLength < 0) {
            throw new IllegalArgumentException("contextLength must be >= 0, was " + contextLength);
        }
    }

    /** CPU, automatic dtype, 512 MiB prefix cache, batches of 16, 512-token prefill chunks. */
    public static EngineOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().device(device).dtype(dtype).prefixCacheBytes(prefixCacheBytes).maxBatchSize(maxBatchSize)
                .prefillChunk(prefillChunk).threads(threads).contextLength(contextLength);
    }

    /** Builds {@link EngineOptions}; unset fields keep the {@link #defaults()}. */
    public static final class Builder {
        private DeviceChoice device = DeviceChoice.CPU;
        private ComputeDtype dtype = ComputeDtype.AUTO;
        private long prefixCacheBytes = 512L << 20;
        private int maxBatchSize = 16;
        private int prefillChunk = 512;
        private int threads = 0;
        private int contextLength = 0;

        private Builder() {}

        public Builder device(DeviceChoice device) {
            this.device = device;
            return this;
        }

        public Builder dtype(ComputeDtype dtype) {
            this.dtype = dtype;
            return this;
        }

        public Builder prefixCacheBytes(long prefixCacheBytes) {
            this.prefixCacheBytes = prefixCacheBytes;
            return this;
        }

        public Builder maxBatchSize(int maxBatchSize) {
            this.maxBatchSize = maxBatchSize;
            return this;
        }

        public Builder prefillChunk(int prefillChunk) {
            this.prefillChunk = prefillChunk;
            return this;
        }

        public Builder threads(int threads) {
            this.threads = threads;
            return this;
        }

        public Builder contextLength(int contextLength) {
            this.contextLength = contextLength;
            return this;
        }

        public EngineOptions build() {
            return new EngineOptions(device, dtype, prefixCacheBytes, maxBatchSize, prefillChunk, threads, contextLength);
        }
    }
}
