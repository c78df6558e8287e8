/**
 * The testbed: a synthetic arithmetic world whose problems come with exact answers and reference solutions in
 * two styles ({@link dev.reason4j.testbed.world}), and the byte-level BPE tokenizer the project trains on it
 * ({@link dev.reason4j.testbed.tokenizer}). Together they let the whole system be trained and measured on a
 * laptop, without downloading a model or a data set.
 */
package dev.reason4j.testbed;
