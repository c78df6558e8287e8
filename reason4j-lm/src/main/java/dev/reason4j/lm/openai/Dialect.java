package dev.reason4j.lm.openai;

/** Which flavour of the OpenAI API the server speaks; decides the request fields the client may send. */
public enum Dialect {
    /**
     * vLLM and servers that follow it (SGLang, {@code reason4j serve}): besides the OpenAI fields the client sends
     * {@code top_k}, {@code stop_token_ids}, {@code ignore_eos}, {@code include_stop_str_in_output},
     * {@code skip_special_tokens}, {@code add_special_tokens}, {@code return_token_ids} and, with logprobs,
     * {@code return_tokens_as_token_ids}; it scores with {@code prompt_logprobs} and tokenizes with
     * {@code /tokenize}. Servers that ignore unknown fields (llama.cpp, Ollama) accept these requests too, but then
     * report no token ids.
     */
    VLLM,
    /**
     * The OpenAI API only: no token ids come back, so logprobs and scoring are unavailable, and parameters the API
     * lacks (top-k, stop token ids, ignore-EOS, keeping stop strings) are refused before sending.
     */
    OPENAI
}
