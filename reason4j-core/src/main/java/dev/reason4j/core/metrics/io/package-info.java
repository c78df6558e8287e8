/**
 * Reading response records (JSONL with configurable fields, one or many samples, optional {@code split_solutions})
 * and writing the per-response and summary JSON of an analysis run.
 */
package dev.reason4j.core.metrics.io;
