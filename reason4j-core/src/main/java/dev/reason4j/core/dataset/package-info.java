/**
 * Reading math problems from benchmark files: named formats for GSM8K, MATH, AIME24, AMC23 and GaoKao 2023 En,
 * plus any JSONL file or JSON array with user-named (dotted-path) question, answer and id fields.
 * Start at {@link dev.reason4j.core.dataset.Datasets}; a bad record fails with a
 * {@link dev.reason4j.core.dataset.DatasetException} naming file, line and field, or is skipped and counted.
 */
package dev.reason4j.core.dataset;
