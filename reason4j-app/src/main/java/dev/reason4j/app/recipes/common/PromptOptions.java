package dev.reason4j.app.recipes.common;

import dev.reason4j.lm.Tokenizer;
import dev.reason4j.recipes.PromptRendering;
import dev.reason4j.search.protocol.PromptTemplate;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * How a question becomes the prompt the model continues: the question followed by an instruction, put through the
 * model's chat template when it has one, else through a plain template.
 */
public final class PromptOptions {

    /** The instruction the papers' evaluations (Qwen2.5-Math style) append to the question. */
    public static final String STEP_BY_STEP = "Please reason step by step, and put your final answer within \\boxed{}.";
    static final String TEXT_TEMPLATE = "Question: {question}\nAnswer:";

    @Option(names = "--instruction", defaultValue = STEP_BY_STEP, paramLabel = "TEXT",
            description = "Appended to every question on its own line (default: ${DEFAULT-VALUE}).")
    String instruction;

    @Option(names = "--prompt-template", paramLabel = "TEXT",
            description = "A plain template with a {question} placeholder (default: the model's chat template, or '"
                    + "Question: {question}\\nAnswer:' for a model without one).")
    String template;

    @Option(names = "--system", defaultValue = "", paramLabel = "TEXT",
            description = "With the chat template: a system message.")
    String system;

    /** The prompts, with the instruction of these options. */
    public PromptRendering rendering(Tokenizer tokenizer) {
        return rendering(tokenizer, instruction);
    }

    /** The prompts, with {@code instruction} after each question. */
    public PromptRendering rendering(Tokenizer tokenizer, String instruction) {
        PromptTemplate chosen = template != null ? PromptTemplate.text(template)
                : tokenizer.hasChatTemplate() ? PromptTemplate.chat(system, "") : PromptTemplate.text(TEXT_TEMPLATE);
        String suffix = instruction.isBlank() ? "" : "\n" + instruction;
        return new PromptRendering(chosen + " with the instruction '" + instruction + "'",
                question -> chosen.render(question + suffix, Optional.of(tokenizer)));
    }
}
