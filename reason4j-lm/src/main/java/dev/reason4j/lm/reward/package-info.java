/**
 * Reward models for search and self-evolution: {@link dev.reason4j.lm.reward.RewardModel} scores (prompt,
 * trajectory) pairs in batches. A process preference model (PPM) or process reward model scores partial
 * trajectories step by step, an outcome reward model (ORM) scores complete ones, and
 * {@link dev.reason4j.lm.reward.OracleRewardModel} grades a final answer against the gold answer (data synthesis).
 * {@link dev.reason4j.lm.reward.LikelihoodRewardModel} is an untrained baseline built on any language model.
 */
package dev.reason4j.lm.reward;
