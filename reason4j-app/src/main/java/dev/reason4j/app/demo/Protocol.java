package dev.reason4j.app.demo;

import dev.reason4j.search.protocol.CodeStepProtocol;
import dev.reason4j.search.protocol.CotStepProtocol;
import dev.reason4j.search.protocol.PromptTemplate;

/**
 * The format in which the policy writes a solution ({@code --protocol} of {@code reason4j eval}), and the prompt that
 * asks for it: the search protocol's default prompt, which is also the prompt the testbed's SFT data puts before each
 * reference solution, so the model sees the text it was trained on.
 */
enum Protocol {
    /** rStar-Math's code-augmented steps, run in the sandbox during search. */
    code(CodeStepProtocol.DEFAULT_PROMPT),
    /** Plain paragraphs: the format in which the overthinking analysis sees each verification as its own round. */
    cot(CotStepProtocol.DEFAULT_PROMPT);

    private final PromptTemplate prompt;

    Protocol(PromptTemplate prompt) {
        this.prompt = prompt;
    }

    /** The prompt template's text, with its {@code {question}} placeholder, for {@code --prompt-template}. */
    String promptTemplate() {
        return ((PromptTemplate.Text) prompt).template();
    }
}
