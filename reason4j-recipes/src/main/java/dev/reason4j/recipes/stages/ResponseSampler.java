package dev.reason4j.recipes.stages;

import dev.reason4j.lm.GenerationResult;
import dev.reason4j.lm.LanguageModel;
import dev.reason4j.lm.Prompt;
import dev.reason4j.lm.SamplingParams;

/**
 * How a sampling stage turns a prompt into a problem's K whole responses. {@link #plain()} asks the model once; a
 * code-format policy needs {@link CodeExecutingSampler}, which runs each response's program and lets the model
 * answer after the real output, as search does.
 */
public interface ResponseSampler extends AutoCloseable {

    /** The K responses to {@code prompt} under {@code params} ({@code params.n()} of them, in order). */
    GenerationResult sample(LanguageModel model, String prompt, SamplingParams params);

    /** What the sampler does, for run manifests. */
    String description();

    @Override
    default void close() {}

    /** One generation call, the text decoded without special tokens. */
    static ResponseSampler plain() {
        return new ResponseSampler() {
            @Override
            public GenerationResult sample(LanguageModel model, String prompt, SamplingParams params) {
                return model.generate(Prompt.text(prompt), params);
            }

            @Override
            public String description() {
                return "plain";
            }
        };
    }
}
