/**
 * Training-data recipes: the data stages of the papers' pipelines, each turning what search or sampling produced
 * into training data a user can inspect, export or train on.
 *
 * <ul>
 *   <li>{@link dev.reason4j.recipes.evolve}: rStar-Math self-evolution (arXiv:2501.04519): policy SFT trajectories
 *       and process-preference pairs from MCTS trees.</li>
 *   <li>{@link dev.reason4j.recipes.shorten}: the overthinking paper's short targets (arXiv:2412.21187): FCS,
 *       FCS+Reflection, GDS and the shortest response, as SFT data and as pairs against the longest response.</li>
 *   <li>{@link dev.reason4j.recipes.prune}: O1-Pruner (arXiv:2501.12570): length-harmonizing weights of pre-samples
 *       and the SFT/DPO baselines.</li>
 *   <li>{@link dev.reason4j.recipes.export}: the data sets for TRL and LLaMA-Factory.</li>
 * </ul>
 *
 * <p>Every stage has the same shape: its unit of work is a problem; {@link dev.reason4j.recipes.ResumableStage}
 * commits each unit's {@link dev.reason4j.recipes.UnitResult} to a {@link dev.reason4j.core.store.RunStore} (with
 * the stage's {@link dev.reason4j.core.provenance.RunManifest} in {@code run.json}), so a killed stage resumes
 * without losing or duplicating a problem; {@link dev.reason4j.recipes.DataSetFiles} then writes each data set as
 * {@code RUN/NAME.jsonl} of {@link dev.reason4j.recipes.TrainingRecord}s. Stages that run models (sampling, MCTS
 * synthesis, training) produce a stage's input and consume its data sets; they see models only through the SPIs
 * of {@code dev.reason4j.lm}.
 */
package dev.reason4j.recipes;
