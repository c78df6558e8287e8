/**
 * Overthinking and efficiency analytics: how much of a model's compute went into reaching its answer, and how
 * much was spent after.
 *
 * <p>The metrics of Chen et al., "Do NOT Think That Much for 2+3=? On the Overthinking of o1-Like LLMs",
 * arXiv:2412.21187 ({@link dev.reason4j.core.metrics.OutcomeEfficiency} ξ_O,
 * {@link dev.reason4j.core.metrics.ProcessEfficiency} ξ_P, solution rounds and their distinctness) and of Luo et al.,
 * "O1-Pruner: Length-Harmonizing Fine-Tuning for O1-Like Reasoning Pruning", arXiv:2501.12570
 * ({@link dev.reason4j.core.metrics.LengthIntervalAccuracy}, {@link dev.reason4j.core.metrics.AccuracyEfficiencyScore}).
 *
 * <p>Flow: {@link dev.reason4j.core.metrics.ResponseAnalyzer} turns a {@link dev.reason4j.core.metrics.ResponseInput}
 * into a {@link dev.reason4j.core.metrics.ResponseAnalysis} (splitting with
 * {@link dev.reason4j.core.metrics.split}, grading with {@link dev.reason4j.core.grading.MathGrader}, counting with a
 * {@link dev.reason4j.core.metrics.TokenCounter}); {@link dev.reason4j.core.metrics.AnalysisAggregator} folds many into
 * an {@link dev.reason4j.core.metrics.AnalysisSummary}. Reading records and writing JSON is in
 * {@link dev.reason4j.core.metrics.io}.
 */
package dev.reason4j.core.metrics;
