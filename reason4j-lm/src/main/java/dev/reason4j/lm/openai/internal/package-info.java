/**
 * Wire records, HTTP transport, request encoding, response decoding and error mapping behind
 * {@link dev.reason4j.lm.openai.OpenAiLanguageModel}. Not an API: the records are shared with {@code reason4j serve}
 * so that client and server write the same JSON, and may change with it.
 */
package dev.reason4j.lm.openai.internal;
