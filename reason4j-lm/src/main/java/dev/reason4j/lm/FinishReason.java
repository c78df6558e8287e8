package dev.reason4j.lm;

/** Why a completion ended, with the OpenAI API's name for it. */
public enum FinishReason {
    /** An end-of-sequence token, a stop token id or a stop string. */
    STOP("stop"),
    /** {@code maxTokens} generated, or the model's context is full. */
    LENGTH("length");

    private final String apiName;

    FinishReason(String apiName) {
        this.apiName = apiName;
    }

    /** {@code "stop"} or {@code "length"}, as in OpenAI-style responses. */
    public String apiName() {
        return apiName;
    }
}
