/**
 * Short training targets against overthinking (Chen et al., arXiv:2412.21187, §4): analysed samples shortened by
 * {@link dev.reason4j.recipes.shorten.ResponseSimplification} (FCS, FCS+Reflection, GDS), the best target per
 * problem ({@link dev.reason4j.recipes.shorten.TargetChoice}) and the resumable
 * {@link dev.reason4j.recipes.shorten.ShortenStage}.
 */
package dev.reason4j.recipes.shorten;
