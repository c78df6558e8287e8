/**
 * The language-model SPI that search, recipes and the CLI program against, whatever runs the model.
 *
 * <p>{@link dev.reason4j.lm.LanguageModel} generates completions for a batch of {@link dev.reason4j.lm.Prompt}s
 * with {@link dev.reason4j.lm.SamplingParams} and scores continuations; implementations are the in-process libtorch
 * engine ({@code dev.reason4j.torch}) and an OpenAI-compatible HTTP client. {@link dev.reason4j.lm.Tokenizer} is
 * the model's own tokenizer, the only source of token counts.
 */
package dev.reason4j.lm;
