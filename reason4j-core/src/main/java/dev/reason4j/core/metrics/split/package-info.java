/**
 * Splitting a long response into solution rounds, the unit of the overthinking metrics of Chen et al., "Do NOT
 * Think That Much for 2+3=? On the Overthinking of o1-Like LLMs" (arXiv:2412.21187).
 *
 * <p>{@link dev.reason4j.core.metrics.split.SolutionSplitter} is the SPI; {@link
 * dev.reason4j.core.metrics.split.RuleBasedSolutionSplitter} is the fast default (no model calls), configured by
 * {@link dev.reason4j.core.metrics.split.SplitRules}. {@link dev.reason4j.core.metrics.split.ReasoningParts}
 * separates the reasoning part of a response from its summary, and {@link
 * dev.reason4j.core.metrics.split.SolutionClusterer} decides which rounds are distinct.
 */
package dev.reason4j.core.metrics.split;
