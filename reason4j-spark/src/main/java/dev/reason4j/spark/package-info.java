/**
 * Search and data synthesis at scale on Apache Spark: {@link dev.reason4j.spark.SparkSearchJob} runs a
 * {@link dev.reason4j.spark.ProblemStage} (by default {@link dev.reason4j.spark.EvalStage}, {@code reason4j eval}'s
 * strategies; or {@link dev.reason4j.spark.SynthesisStage}, the synthesis stage of a {@code reason4j evolve} round)
 * over a problem file on the executors, against a pool of OpenAI-compatible servers or an in-process
 * engine per executor JVM, into a run directory that is idempotent and resumable by problem id;
 * {@link dev.reason4j.spark.SparkEvalCommand} is the {@code spark-submit} entry point.
 */
package dev.reason4j.spark;
