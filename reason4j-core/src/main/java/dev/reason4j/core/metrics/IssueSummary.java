package dev.reason4j.core.metrics;

import java.util.List;

/**
 * How often one {@link IssueKind} occurred.
 *
 * @param count occurrences
 * @param firstLines the first few input lines where it occurred, ascending
 * @param firstMessage the message of the first occurrence
 */
public record IssueSummary(long count, List<Long> firstLines, String firstMessage) {

    public IssueSummary {
        firstLines = List.copyOf(firstLines);
    }
}
