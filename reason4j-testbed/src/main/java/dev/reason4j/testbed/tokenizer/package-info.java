/**
 * The project's own tokenizer: byte-level BPE ({@link dev.reason4j.testbed.tokenizer.BytePairEncoding}) trained
 * on testbed text with Qwen2's pre-tokenizer (every digit its own piece), the code-step markers and ChatML markers
 * as single special tokens, written as a Hugging Face {@code tokenizer.json} and {@code tokenizer_config.json}
 * ({@link dev.reason4j.testbed.tokenizer.HfTokenizerFiles}) that {@code dev.reason4j.lm.hf.HfTokenizer} loads.
 * Nothing is downloaded.
 */
package dev.reason4j.testbed.tokenizer;
