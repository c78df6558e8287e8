/**
 * What {@code reason4j shorten} and {@code reason4j prune} share on the command line: the model and how it runs
 * ({@link dev.reason4j.app.recipes.common.ModelOptions}, which opens it on libtorch or a server), the problem files
 * and the held-out split ({@link dev.reason4j.app.recipes.common.ProblemOptions}), prompts and grading, the
 * evaluation's sampling and the fine-tuning hyperparameters, progress bars and the final table.
 */
package dev.reason4j.app.recipes.common;
