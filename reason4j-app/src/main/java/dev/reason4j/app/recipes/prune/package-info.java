/** {@code reason4j prune}: O1-Pruner with its baselines ({@link dev.reason4j.recipes.prune.PruneRecipe}). */
package dev.reason4j.app.recipes.prune;
