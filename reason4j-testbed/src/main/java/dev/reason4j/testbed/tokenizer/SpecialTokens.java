package dev.reason4j.testbed.tokenizer;

import java.util.List;

/**
 * The tokens that must stay whole, ids 0 to 9 in this order: end of text, the ChatML markers and rStar-Math's
 * code-step markers (the order of the tiny reference checkpoints in {@code shared/fixtures/lm}).
 */
public final class SpecialTokens {

    public static final String END_OF_TEXT = "<|endoftext|>";
    public static final String IM_START = "<|im_start|>";
    public static final String IM_END = "<|im_end|>";

    /** All of them, in id order. */
    public static final List<String> ALL = List.of(END_OF_TEXT, IM_START, IM_END, "<code>", "<end_of_step>", "<end_of_code>",
            "<output>", "<end_of_output>", "<answer>", "<end_of_answer>");

    private SpecialTokens() {}
}
