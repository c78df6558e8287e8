/**
 * The in-process engine: Hugging Face Qwen2/Llama checkpoints on libtorch (JavaCPP's {@code org.bytedeco.pytorch}),
 * batched generation with a KV cache, scoring, and a prefix cache that lets continuations of a prompt already seen
 * reuse its keys and values. {@link dev.reason4j.torch.TorchLanguageModel} is the
 * {@link dev.reason4j.lm.LanguageModel} over it; {@link dev.reason4j.torch.TorchEngine} is the token-level engine.
 *
 * <p>Native memory is freed deterministically: every step runs inside a JavaCPP {@code PointerScope}, and tensors
 * that outlive a step (weights, KV buffers, prefix-cache entries) are retained and released by their owner's
 * {@code close()}.
 */
package dev.reason4j.torch;
