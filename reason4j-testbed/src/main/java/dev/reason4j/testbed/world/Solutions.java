package dev.reason4j.testbed.world;

/**
 * The four reference solutions of a problem: code-augmented and written, each concise and overthinking.
 *
 * @param codeConcise {@link CodeSolution#concise}
 * @param codeOverthinking {@link CodeSolution#overthinking}
 * @param cotConcise {@link CotSolution#concise}
 * @param cotOverthinking {@link CotSolution#overthinking}
 */
public record Solutions(String codeConcise, String codeOverthinking, String cotConcise, String cotOverthinking) {

    public static Solutions of(WorldProblem problem) {
        return new Solutions(CodeSolution.concise(problem), CodeSolution.overthinking(problem),
                CotSolution.concise(problem), CotSolution.overthinking(problem));
    }
}
