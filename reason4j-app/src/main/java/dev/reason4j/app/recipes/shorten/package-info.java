/** {@code reason4j shorten}: the overthinking paper's self-training ({@link dev.reason4j.recipes.shorten.ShortenRecipe}). */
package dev.reason4j.app.recipes.shorten;
