package dev.reason4j.recipes.evolve;

import dev.reason4j.core.grading.AnswerExtractor;
import dev.reason4j.search.protocol.CodeRules;
import dev.reason4j.search.protocol.CodeStepProtocol;
import dev.reason4j.search.protocol.CotStepProtocol;
import dev.reason4j.search.protocol.StepProtocol;

/** How the policy writes a step: rStar-Math's code-augmented steps, run in the sandbox, or blank-line separated text. */
public enum StepFormat {
    CODE,
    COT;

    /** The step protocol; {@code rules} apply to code steps only. */
    StepProtocol protocol(AnswerExtractor extractor, CodeRules rules) {
        return this == CODE ? new CodeStepProtocol(extractor, rules) : new CotStepProtocol(extractor, true);
    }
}
