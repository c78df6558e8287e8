/**
 * The safetensors format (https://github.com/huggingface/safetensors): an 8-byte little-endian header length, a
 * JSON header mapping tensor names to {@code dtype}, {@code shape} and {@code data_offsets}, then the raw
 * little-endian bytes. Read over memory-mapped regions (any file size; tensors over 2 GiB are copied in chunks),
 * sharded checkpoints through {@code model.safetensors.index.json}, and written so Python's {@code safetensors}
 * reads the files.
 */
package dev.reason4j.torch.safetensors;
