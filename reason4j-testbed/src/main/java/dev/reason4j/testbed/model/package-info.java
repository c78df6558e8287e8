/**
 * The testbed's own models: SFT data from the world's reference solutions ({@link dev.reason4j.testbed.model.SftData},
 * prompted as search prompts), and the models shipped in this module's jar
 * ({@link dev.reason4j.testbed.model.ShippedModel}), trained from scratch by {@code train-default-model.sh}.
 */
package dev.reason4j.testbed.model;
