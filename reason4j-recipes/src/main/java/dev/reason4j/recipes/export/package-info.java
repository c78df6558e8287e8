/**
 * Exports of the recipes' data sets for Hugging Face TRL and LLaMA-Factory
 * ({@link dev.reason4j.recipes.export.DataSetExport}, {@link dev.reason4j.recipes.export.ExportFormat}).
 */
package dev.reason4j.recipes.export;
