package dev.reason4j.spark;

import java.util.List;

/**
 * What a job run did.
 *
 * @param out the run directory's URI
 * @param problems problems read
 * @param alreadyDone records (problem × unit) committed by earlier runs, skipped
 * @param searched records this run committed
 * @param waves waves this run committed
 * @param records distinct records in the run directory now
 * @param duplicates records committed more than once for one problem and unit (by jobs run at the same time on one
 *     directory), left out of results.jsonl and the summary
 * @param summaries per unit totals over all records
 */
public record JobReport(String out, long problems, long alreadyDone, long searched, int waves, long records,
        long duplicates, List<UnitSummary> summaries) {

    public JobReport {
        summaries = List.copyOf(summaries);
    }
}
