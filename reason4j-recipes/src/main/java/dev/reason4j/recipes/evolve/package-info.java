/**
 * rStar-Math self-evolution (Guan et al., arXiv:2501.04519).
 *
 * <ul>
 *   <li>The data: search trees read as {@link dev.reason4j.recipes.evolve.ExploredTree}s, the policy's SFT
 *       trajectories ({@link dev.reason4j.recipes.evolve.PolicyDataSelection}) and the process preference model's
 *       pairs ({@link dev.reason4j.recipes.evolve.ProcessPreferencePairs}), run as the resumable
 *       {@link dev.reason4j.recipes.evolve.TreeExtractionStage}.</li>
 *   <li>The rounds: {@link dev.reason4j.recipes.evolve.SelfEvolution} runs MCTS synthesis, data extraction, policy
 *       and PPM training and evaluation round after round, each stage resumable, configured by
 *       {@link dev.reason4j.recipes.evolve.EvolveConfig} (read from YAML by
 *       {@link dev.reason4j.recipes.evolve.EvolveConfigFile}), with models opened through
 *       {@link dev.reason4j.recipes.evolve.EvolutionModels}.</li>
 *   <li>The synthesis stage's parts for other runners (the Spark job of {@code reason4j-spark}):
 *       {@link dev.reason4j.recipes.evolve.RoundSynthesis}.</li>
 * </ul>
 */
package dev.reason4j.recipes.evolve;
