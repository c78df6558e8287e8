package dev.reason4j.spark;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * Where the executors' policy runs: a pool of OpenAI-compatible servers shared by every executor, or a model loaded
 * in-process once per executor JVM (small models on CPU or one GPU per executor).
 */
public sealed interface PolicySource extends Serializable {

    /**
     * OpenAI-compatible servers (vLLM, SGLang, {@code reason4j serve}) serving the same model; each executor spreads
     * its requests over them with the client's endpoint pool (least requests in flight, failed ones cool down).
     *
     * @param baseUrls base URLs such as {@code http://gpu1:8000/v1}; the key comes from {@code OPENAI_API_KEY} in the
     *     executors' environment ({@code spark.executorEnv.OPENAI_API_KEY})
     * @param servedModel the model id to ask for, or null for the servers' only model
     * @param tokenizerDir a copy of the served model's tokenizer on every executor, so prompts go out as token ids;
     *     null to send text
     */
    record Endpoints(List<String> baseUrls, String servedModel, String tokenizerDir) implements PolicySource {
        public Endpoints {
            Objects.requireNonNull(baseUrls, "baseUrls");
            if (baseUrls.isEmpty()) {
                throw new IllegalArgumentException("endpoint must name at least one server URL");
            }
            baseUrls = List.copyOf(baseUrls);
        }
    }

    /**
     * A Hugging Face checkpoint run on libtorch inside each executor JVM, opened by the first task that needs it and
     * reused by the others.
     *
     * @param modelDir the checkpoint directory, at the same path on every executor
     * @param device cpu, cuda or auto
     * @param dtype auto, float32, bfloat16 or float16
     * @param threads libtorch threads; 0 lets libtorch choose
     * @param prefixCacheMb the engine's prefix cache; 0 turns it off
     */
    record InProcess(String modelDir, String device, String dtype, int threads, long prefixCacheMb)
            implements PolicySource {
        public InProcess {
            Objects.requireNonNull(modelDir, "modelDir");
            Objects.requireNonNull(device, "device");
            Objects.requireNonNull(dtype, "dtype");
            if (threads < 0) {
                throw new IllegalArgumentException("threads must be >= 0, was " + threads);
            }
            if (prefixCacheMb < 0) {
                throw new IllegalArgumentException("prefix-cache-mb must be >= 0, was " + prefixCacheMb);
            }
        }
    }
}
