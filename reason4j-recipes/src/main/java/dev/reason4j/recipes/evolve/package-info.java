/**
 * rStar-Math self-evolution data (Guan et al., arXiv:2501.04519): search trees read as
 * {@link dev.reason4j.recipes.evolve.ExploredTree}s, the policy's SFT trajectories
 * ({@link dev.reason4j.recipes.evolve.PolicyDataSelection}) and the process preference model's pairs
 * ({@link dev.reason4j.recipes.evolve.ProcessPreferencePairs}), run as the resumable
 * {@link dev.reason4j.recipes.evolve.TreeExtractionStage}.
 */
package dev.reason4j.recipes.evolve;
