/**
 * {@code reason4j analyze} and {@code reason4j bench analyze}: the overthinking metrics of
 * {@link dev.reason4j.core.metrics} over a file of responses, into a resumable run directory with
 * {@code summary.json}, {@code responses.jsonl}, {@code issues.jsonl} and an HTML report.
 *
 * <p>{@link dev.reason4j.app.analyze.AnalyzeCommand} wires the parts: {@code ResponseFileAnalyzer} reads and
 * analyses records (bad ones become counted issues), {@code AnalysisRunFiles} commits each record's results to the
 * run store and appends them to the JSONL files, {@code Baseline} and {@code AesComparison} score against a
 * baseline, {@code SummaryFile} and {@code AnalysisReport} write the summary and the report. Token counts come
 * from the model's {@code tokenizer.json} ({@code HfTokenCounter}) or are approximate and labelled so.
 */
package dev.reason4j.app.analyze;
