package dev.reason4j.app.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jfree.chart.JFreeChart;

/**
 * A single-file HTML report: headings, paragraphs, notes, tables and charts, in the order they are added, with
 * inline CSS and inline SVG charts, so the file works offline and can be mailed or attached as is. All text is
 * HTML-escaped.
 *
 * <pre>{@code
 * HtmlReport report = new HtmlReport("Overthinking analysis");
 * report.heading("Summary").table(table).chart(Charts.bars(...), "Rounds per response");
 * report.write(dir.resolve("report.html"));
 * }</pre>
 */
public final class HtmlReport {

    /** Width and height charts are drawn at; the page scales them to its column. */
    public static final int CHART_WIDTH = 760;
    public static final int CHART_HEIGHT = 360;

    private static final String STYLE = """
            body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; color: #222; margin: 0; }
            main { max-width: 980px; margin: 0 auto; padding: 24px 32px 64px; }
            h1 { font-size: 1.6em; margin-bottom: 0.2em; }
            h2 { font-size: 1.25em; margin-top: 2em; border-bottom: 1px solid #ddd; padding-bottom: 0.2em; }
            p { line-height: 1.45; }
            .note { background: #fff6e0; border-left: 4px solid #e0a030; padding: 8px 12px; }
            table { border-collapse: collapse; margin: 12px 0; font-size: 0.92em; }
            th, td { border: 1px solid #ddd; padding: 4px 10px; text-align: left; vertical-align: top; }
            th { background: #f4f6f8; }
            td.num { text-align: right; font-variant-numeric: tabular-nums; }
            figure { margin: 16px 0 28px; }
            figure svg { width: 100%; height: auto; }
            figcaption { color: #555; font-size: 0.9em; margin-top: 4px; }
            """;

    private static final Pattern NUMBER = Pattern.compile("[-+\u2212]?[\\d,]*\\.?\\d+%?");

    private final String title;
    private final StringBuilder body = new StringBuilder();
    private int charts;

    public HtmlReport(String title) {
        this.title = Objects.requireNonNull(title, "title");
        body.append("<h1>").append(escape(title)).append("</h1>\n");
    }

    /** A section heading. */
    public HtmlReport heading(String text) {
        body.append("<h2>").append(escape(text)).append("</h2>\n");
        return this;
    }

    /** A paragraph of plain text. */
    public HtmlReport paragraph(String text) {
        body.append("<p>").append(escape(text)).append("</p>\n");
        return this;
    }

    /** A highlighted paragraph, for caveats the reader must not miss. */
    public HtmlReport note(String text) {
        body.append("<p class=\"note\">").append(escape(text)).append("</p>\n");
        return this;
    }

    /** A table; cells that look like numbers are right-aligned. */
    public HtmlReport table(ReportTable table) {
        body.append("<table>\n<tr>");
        table.headers().forEach(h -> body.append("<th>").append(escape(h)).append("</th>"));
        body.append("</tr>\n");
        for (var row : table.rows()) {
            body.append("<tr>");
            for (String cell : row) {
                body.append(isNumber(cell) ? "<td class=\"num\">" : "<td>").append(escape(cell)).append("</td>");
            }
            body.append("</tr>\n");
        }
        body.append("</table>\n");
        return this;
    }

    /** A chart drawn as inline SVG, with a caption under it. */
    public HtmlReport chart(JFreeChart chart, String caption) {
        String svg = SvgChart.render(chart, CHART_WIDTH, CHART_HEIGHT, "c" + (++charts) + "_");
        body.append("<figure>\n").append(svg).append("\n<figcaption>").append(escape(caption))
                .append("</figcaption>\n</figure>\n");
        return this;
    }

    /** The whole page. */
    public String html() {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>" + escape(title) + "</title>\n<style>\n" + STYLE + "</style>\n</head>\n<body>\n<main>\n"
                + body + "</main>\n</body>\n</html>\n";
    }

    /** Writes the page to {@code file}, replacing it whole (never a half-written report). */
    public void write(Path file) throws IOException {
        Path absolute = file.toAbsolutePath();
        Path temp = absolute.resolveSibling(absolute.getFileName() + ".tmp");
        Files.writeString(temp, html(), StandardCharsets.UTF_8);
        Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isNumber(String cell) {
        return NUMBER.matcher(cell).matches();
    }
}
