/**
 * Training SPI: tokenized examples ({@link dev.reason4j.lm.train.TrainingExample}), the readers that turn the data
 * formats users already have (TRL, LLaMA-Factory, PPM step pairs) into them, and the
 * {@link dev.reason4j.lm.train.Trainer} class that engines implement, configured by a
 * {@link dev.reason4j.lm.train.TrainingConfig}. Search and recipes train models through this package only.
 */
package dev.reason4j.lm.train;
