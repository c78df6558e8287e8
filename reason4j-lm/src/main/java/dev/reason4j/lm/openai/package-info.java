/**
 * A {@link dev.reason4j.lm.LanguageModel} over the OpenAI HTTP API as vLLM, SGLang, llama.cpp, Ollama and
 * {@code reason4j serve} speak it: {@link dev.reason4j.lm.openai.OpenAiLanguageModel} with an
 * {@link dev.reason4j.lm.openai.EndpointPool} of servers, a {@link dev.reason4j.lm.openai.RetryPolicy} and typed
 * {@link dev.reason4j.lm.openai.OpenAiException}s. Wire records and HTTP details live in {@code .internal}.
 */
package dev.reason4j.lm.openai;
