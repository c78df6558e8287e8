/**
 * Hugging Face tokenizers: {@code tokenizer.json} through the Rust {@code tokenizers} library (DJL's binding, natives
 * inside the jar; run with {@code -Dai.djl.offline=true}) and the chat template of {@code tokenizer_config.json} or
 * {@code chat_template.jinja}, rendered with Jinjava.
 */
package dev.reason4j.lm.hf;
