/**
 * {@code reason4j serve}: an OpenAI-compatible HTTP server (Javalin) in front of any
 * {@link dev.reason4j.lm.LanguageModel}, speaking the API as vLLM does so that third-party clients and
 * {@link dev.reason4j.lm.openai.OpenAiLanguageModel} work against it.
 */
package dev.reason4j.app.serve;
