/**
 * Decoder-only transformers in the Hugging Face layout: {@code config.json} in the transformers 4.x and 5.x styles,
 * the Qwen2 and Llama families (RMSNorm, rotary position embeddings, grouped-query attention, SwiGLU MLP, optional
 * q/k/v bias, tied embeddings) and their forward pass over a KV cache.
 */
package dev.reason4j.torch.model;
