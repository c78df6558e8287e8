/**
 * Readers that turn the training data formats users already have (TRL, LLaMA-Factory, PPM step pairs, step values)
 * into tokenized {@link dev.reason4j.lm.train.TrainingExample}s with a model's own tokenizer: start at
 * {@link dev.reason4j.lm.train.data.TrainingDataReader}. Prompts are laid out by
 * {@link dev.reason4j.lm.train.data.PromptLayout} (the chat template, else a documented plain layout) and masked
 * exactly at the token boundary.
 */
package dev.reason4j.lm.train.data;
