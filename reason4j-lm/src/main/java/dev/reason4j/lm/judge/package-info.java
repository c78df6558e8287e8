/**
 * Language models as judges for the overthinking analytics: the LLM solution splitter and the diversity clusterer
 * of Chen et al. (arXiv:2412.21187), pluggable wherever the rule-based splitter and heuristic clusterer of
 * {@code dev.reason4j.core.metrics.split} go.
 */
package dev.reason4j.lm.judge;
