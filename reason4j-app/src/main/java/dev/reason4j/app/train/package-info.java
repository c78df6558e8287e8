/**
 * {@code reason4j train <objective>}: fine-tuning from the command line on the libtorch trainer, with the data
 * readers of {@code dev.reason4j.lm.train.data}, a progress bar, {@code metrics.jsonl}, run provenance and resume;
 * and {@code reason4j bench train}.
 */
package dev.reason4j.app.train;
