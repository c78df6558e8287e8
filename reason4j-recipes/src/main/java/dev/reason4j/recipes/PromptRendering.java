package dev.reason4j.recipes;

import dev.reason4j.lm.Tokenizer;
import dev.reason4j.search.protocol.PromptTemplate;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Rebuilds, from a problem's question, the prompt its responses were sampled with, so that a record's
 * {@code prompt} is the exact text the model continued (trainers use a string prompt as written). Sampled-response
 * files keep only the question; the sampling stage knows the template and hands it over as one of these.
 *
 * @param description what the rendering is, recorded in the run's manifest (a changed template is another job)
 * @param render question to prompt
 */
public record PromptRendering(String description, UnaryOperator<String> render) {

    /** The question itself, for responses sampled from the bare question. */
    public static final PromptRendering QUESTION = new PromptRendering("question", UnaryOperator.identity());

    public PromptRendering {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(render, "render");
    }

    /** The prompt {@code template} gives, with {@code tokenizer} for chat templates. */
    public static PromptRendering of(PromptTemplate template, Optional<Tokenizer> tokenizer) {
        return new PromptRendering(template.toString(), q -> template.render(q, tokenizer));
    }

    /** The prompt of {@code question}. */
    public String prompt(String question) {
        return render.apply(question);
    }
}
