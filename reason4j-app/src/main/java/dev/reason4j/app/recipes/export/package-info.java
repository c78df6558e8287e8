/** {@code reason4j export}: a run's data sets for TRL or LLaMA-Factory ({@link dev.reason4j.recipes.export}). */
package dev.reason4j.app.recipes.export;
