package dev.reason4j.search.protocol;

import dev.reason4j.exec.ExecResult;
import java.util.List;

/**
 * How a trajectory is cut into steps. Search generates one step at a time, stopping at any of
 * {@link #stepEnds()}, and asks {@link #judge} what the step means: more reasoning, code to run, a final answer or a
 * dead end. Protocols that produce {@link StepOutcome.Code} also say what the system writes back after the code ran
 * ({@link #observation}) and how failures count ({@link #codeRules()}).
 */
public interface StepProtocol {

    /** A short name for run records, e.g. {@code code} or {@code cot}. */
    String name();

    /** Strings that end a step; generation stops at the first one and the step keeps it. */
    List<String> stepEnds();

    /** The prompt used when the caller gives none. */
    PromptTemplate defaultPrompt();

    /**
     * What a generated step means.
     *
     * @param trajectoryBefore the steps before this one, as text (for protocols that read the whole solution)
     */
    StepOutcome judge(GeneratedStep step, String trajectoryBefore);

    /** How executed code is judged; only used for {@link StepOutcome.Code} steps. */
    default CodeRules codeRules() {
        return CodeRules.defaults();
    }

    /**
     * The text the system appends to the trajectory after a code step ran (empty for none).
     *
     * @param failed whether {@link #codeRules()} judged the run a failure
     */
    default String observation(StepOutcome.Code step, ExecResult result, boolean failed) {
        return "";
    }
}
