package dev.reason4j.recipes.evolve;

import dev.reason4j.core.grading.MathGrader;
import dev.reason4j.search.AnswerSelection;
import dev.reason4j.search.MctsOptions;
import dev.reason4j.search.SearchSettings;
import dev.reason4j.search.protocol.CodeRules;
import dev.reason4j.search.protocol.StepProtocol;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How the self-evolution rounds search: rStar-Math's MCTS for data synthesis (and for evaluation with the
 * {@code mcts} strategy), and the step format and sampling every strategy shares. Serialisable, so a distributed
 * synthesis job can ship it to its workers.
 *
 * @param protocol the step format
 * @param rollouts MCTS rollouts per problem (rStar-Math: 16 per round, 64 for hard problems)
 * @param candidates next steps sampled per expansion (rStar-Math: 8)
 * @param maxDepth most steps per trajectory (rStar-Math: 16)
 * @param maxStepTokens most tokens per step
 * @param exploration the UCT constant c (rStar-Math: 2)
 * @param temperature sampling temperature (rStar-Math: 0.7 in the reference code)
 * @param topP nucleus sampling mass
 * @param batch problems searched together (one generation call per step of every problem of a batch); results do
 *     not depend on it
 * @param rstarQuirks reproduce the reference code's quirks (unvisited children score 0, dead-end penalties not backed
 *     up, failed code kept, output containing "error" fails a step)
 * @param maxCodeErrors code steps failing in a row that end a branch; 1 drops failing steps
 */
public record MctsSettings(StepFormat protocol, int rollouts, int candidates, int maxDepth, int maxStepTokens,
        double exploration, double temperature, double topP, int batch, boolean rstarQuirks, int maxCodeErrors)
        implements Serializable {

    public MctsSettings {
        Objects.requireNonNull(protocol, "protocol");
        requireAtLeast("rollouts", rollouts, 1);
        requireAtLeast("candidates", candidates, 1);
        requireAtLeast("batch", batch, 1);
        requireAtLeast("max_code_errors", maxCodeErrors, 1);
        // MctsOptions and SearchSettings check the rest (fields are not assigned yet: pass the parameters)
        MctsOptions.builder().candidates(candidates).rollouts(rollouts).exploration(exploration).build();
        SearchSettings.builder().temperature(temperature).topP(topP).maxStepTokens(maxStepTokens).maxDepth(maxDepth)
                .build();
        if (candidates > 1 && temperature == 0) {
            throw new IllegalArgumentException("candidates " + candidates + " need a sampling temperature > 0, was 0");
        }
    }

    /** 16 rollouts, 8 candidates, depth 16, 256 tokens per step, c = 2, temperature 0.7, top-p 0.95, batch 8. */
    public static MctsSettings defaults(StepFormat protocol) {
        return new MctsSettings(protocol, 16, 8, 16, 256, 2, 0.7, 0.95, 8, false, 1);
    }

    /** MCTS with these settings, {@code rollouts} rollouts and answer selection {@code selection}. */
    MctsOptions options(AnswerSelection selection, int rollouts) {
        return MctsOptions.builder()
                .candidates(candidates)
                .rollouts(rollouts)
                .exploration(exploration)
                .unvisitedScoresZero(rstarQuirks)
                .propagateInvalidPenalty(!rstarQuirks)
                .selection(selection)
                .build();
    }

    /** Sampling and trajectory limits. */
    SearchSettings settings() {
        return SearchSettings.builder()
                .temperature(temperature)
                .topP(topP)
                .maxStepTokens(maxStepTokens)
                .maxDepth(maxDepth)
                .build();
    }

    StepProtocol stepProtocol(MathGrader grader) {
        return protocol.protocol(grader.extractor(), new CodeRules(maxCodeErrors, rstarQuirks, rstarQuirks));
    }

    /** The settings as recorded in a run's manifest. */
    public Map<String, Object> toConfig() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("protocol", ConfigSection.name(protocol));
        m.put("rollouts", rollouts);
        m.put("candidates", candidates);
        m.put("max_depth", maxDepth);
        m.put("max_step_tokens", maxStepTokens);
        m.put("exploration", exploration);
        m.put("temperature", temperature);
        m.put("top_p", topP);
        m.put("batch", batch);
        m.put("rstar_quirks", rstarQuirks);
        m.put("max_code_errors", maxCodeErrors);
        return m;
    }

    private static void requireAtLeast(String field, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(field + " must be >= " + min + ", was " + value);
        }
    }
}
