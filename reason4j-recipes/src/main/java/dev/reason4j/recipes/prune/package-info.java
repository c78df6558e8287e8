/**
 * O1-Pruner's training data (Luo et al., arXiv:2501.12570): per-sample length-harmonizing weights
 * ({@link dev.reason4j.recipes.prune.LengthHarmonizingWeights}) z-scored over the data set
 * ({@link dev.reason4j.recipes.prune.ZScore}), the SFT and DPO baselines
 * ({@link dev.reason4j.recipes.prune.PruneBaselines}), run as the resumable
 * {@link dev.reason4j.recipes.prune.PruneStage}.
 */
package dev.reason4j.recipes.prune;
