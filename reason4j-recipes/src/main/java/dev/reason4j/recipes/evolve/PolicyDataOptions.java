package dev.reason4j.recipes.evolve;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How {@link PolicyDataSelection} picks the policy's SFT data.
 *
 * @param perProblem trajectories kept per problem (rStar-Math: 2)
 * @param dropExecutionErrors leave out trajectories with a step whose code failed (rStar-Math keeps only steps whose
 *     code runs)
 */
public record PolicyDataOptions(int perProblem, boolean dropExecutionErrors) {

    public PolicyDataOptions {
        if (perProblem < 1) {
            throw new IllegalArgumentException("perProblem must be >= 1, was " + perProblem);
        }
    }

    /** Top 2 per problem, no execution errors. */
    public static PolicyDataOptions defaults() {
        return new PolicyDataOptions(2, true);
    }

    /** The options as recorded in a run's manifest. */
    public Map<String, Object> toConfig() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sft_per_problem", perProblem);
        m.put("sft_drop_execution_errors", dropExecutionErrors);
        return m;
    }
}
