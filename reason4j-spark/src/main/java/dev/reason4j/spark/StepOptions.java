package dev.reason4j.spark;

import dev.reason4j.core.grading.MathGrader;
import dev.reason4j.search.protocol.CodeRules;
import dev.reason4j.search.protocol.CodeStepProtocol;
import dev.reason4j.search.protocol.CotStepProtocol;
import dev.reason4j.search.protocol.PromptTemplate;
import dev.reason4j.search.protocol.StepProtocol;
import java.io.Serializable;
import java.util.Objects;
import java.util.Optional;

/**
 * The step format and prompt.
 *
 * @param protocol code (rStar-Math code-augmented steps, run in the sandbox) or cot (blank-line separated steps)
 * @param promptTemplate a prompt with a {@code {question}} placeholder, or null for the protocol's
 * @param chat put the question through the model's chat template instead
 * @param system with {@code chat}: a system message
 * @param maxCodeErrors code steps failing in a row that end a branch; 1 drops failing steps
 */
public record StepOptions(Protocol protocol, String promptTemplate, boolean chat, String system, int maxCodeErrors)
        implements Serializable {

    /** Step formats. */
    public enum Protocol {
        code,
        cot
    }

    public StepOptions {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(system, "system");
        if (maxCodeErrors < 1) {
            throw new IllegalArgumentException("max-code-errors must be >= 1, was " + maxCodeErrors);
        }
        if (promptTemplate != null) {
            PromptTemplate.text(promptTemplate); // refuses a template without {question}
        }
    }

    StepProtocol stepProtocol(MathGrader grader, boolean rstarQuirks) {
        return protocol == Protocol.code
                ? new CodeStepProtocol(grader.extractor(), new CodeRules(maxCodeErrors, rstarQuirks, rstarQuirks))
                : new CotStepProtocol(grader.extractor(), true);
    }

    /** The prompt when it is not the protocol's own. */
    Optional<PromptTemplate> prompt() {
        if (promptTemplate != null) {
            return Optional.of(PromptTemplate.text(promptTemplate));
        }
        return chat ? Optional.of(PromptTemplate.chat(system, "")) : Optional.empty();
    }
}
