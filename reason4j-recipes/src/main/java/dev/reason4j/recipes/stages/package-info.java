/**
 * The stages of the recipes that run models, shared by {@code reason4j shorten} and {@code reason4j prune}: sampling
 * K responses per problem and analysing them ({@link dev.reason4j.recipes.stages.SampleStage}, also the evaluation
 * of a model on held-out problems), fine-tuning on a data set ({@link dev.reason4j.recipes.stages.TrainStage}), and
 * the table comparing models with the AES ({@link dev.reason4j.recipes.stages.MethodComparison}).
 *
 * <p>Each stage owns a subdirectory of the recipe's run directory with its own {@code run.json} (configuration,
 * seeds, hashes of the model and data it reads) and run store, so a killed recipe resumes stage by stage: a
 * sampling stage commits one problem per transaction, a training stage resumes from its last checkpoint. Models are
 * seen only through the SPIs of {@code dev.reason4j.lm}; a {@link dev.reason4j.recipes.stages.ModelBackend} given by
 * the caller opens them (the CLI passes the libtorch engine).
 */
package dev.reason4j.recipes.stages;
