package dev.reason4j.search.protocol;

import dev.reason4j.search.TerminalReason;
import java.util.Objects;

/** What a generated step means for the trajectory. */
public sealed interface StepOutcome {

    /** A reasoning step; the trajectory goes on. */
    record Continue() implements StepOutcome {}

    /**
     * A step whose code must run before the trajectory goes on.
     *
     * @param code the Python source of the step
     * @param last whether this step closes the program (its output is shown to the model)
     */
    record Code(String code, boolean last) implements StepOutcome {
        public Code {
            Objects.requireNonNull(code, "code");
        }
    }

    /** The trajectory ends with a final answer. */
    record Answer(String answer) implements StepOutcome {
        public Answer {
            Objects.requireNonNull(answer, "answer");
        }
    }

    /** The trajectory ends without a usable answer. */
    record DeadEnd(TerminalReason reason) implements StepOutcome {
        public DeadEnd {
            Objects.requireNonNull(reason, "reason");
            if (reason == TerminalReason.ANSWER) {
                throw new IllegalArgumentException("a dead end cannot have reason " + reason);
            }
        }
    }
}
