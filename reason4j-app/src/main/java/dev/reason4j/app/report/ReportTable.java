package dev.reason4j.app.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A table of text cells for {@link HtmlReport}.
 *
 * @param headers column headings
 * @param rows cells, each row as wide as {@code headers}
 */
public record ReportTable(List<String> headers, List<List<String>> rows) {

    public ReportTable {
        headers = List.copyOf(headers);
        if (headers.isEmpty()) {
            throw new IllegalArgumentException("a table needs at least one column");
        }
        List<List<String>> copy = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            List<String> row = rows.get(i);
            if (row.size() != headers.size()) {
                throw new IllegalArgumentException("row " + i + " has " + row.size() + " cells, the table has "
                        + headers.size() + " columns " + headers);
            }
            copy.add(row.stream().map(cell -> Objects.requireNonNullElse(cell, "")).toList());
        }
        rows = List.copyOf(copy);
    }

    /** Starts a table with these column headings. */
    public static Builder builder(String... headers) {
        return new Builder(Arrays.asList(headers));
    }

    /** Collects rows in order. */
    public static final class Builder {
        private final List<String> headers;
        private final List<List<String>> rows = new ArrayList<>();

        private Builder(List<String> headers) {
            this.headers = headers;
        }

        public Builder row(String... cells) {
            rows.add(Arrays.asList(cells));
            return this;
        }

        public ReportTable build() {
            return new ReportTable(headers, rows);
        }
    }
}
