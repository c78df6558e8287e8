package dev.reason4j.app.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {

    @TempDir
    Path dir;

    @Test
    void escapes_text_and_right_aligns_numbers() {
        String html = new HtmlReport("A <b> & \"c\"")
                .paragraph("x < y & 'z'")
                .note("careful")
                .table(ReportTable.builder("name", "value").row("<i>", "1,234.5").row("ratio", "-0.25").build())
                .html();

        assertThat(html)
                .contains("<title>A &lt;b&gt; &amp; &quot;c&quot;</title>")
                .contains("<p>x &lt; y &amp; &#39;z&#39;</p>")
                .contains("<p class=\"note\">careful</p>")
                .contains("<td>&lt;i&gt;</td><td class=\"num\">1,234.5</td>")
                .contains("<td class=\"num\">-0.25</td>")
                .doesNotContain("<i>");
    }

    @Test
    void charts_are_inline_svg_with_ids_unique_per_chart_and_the_file_is_replaced_whole() throws Exception {
        Map<String, Long> bars = new LinkedHashMap<>();
        bars.put("1", 5L);
        bars.put("2", 3L);
        Map<String, List<Charts.Point>> curve = Map.of("run", List.of(new Charts.Point(10, 0.5), new Charts.Point(20, 1)));
        HtmlReport report = new HtmlReport("charts")
                .chart(Charts.bars("Rounds", "rounds", "responses", bars), "bars")
                .chart(Charts.steps("CDF", "tokens", "share", curve, true), "cdf");
        Path file = dir.resolve("report.html");
        Files.writeString(file, "old");

        report.write(file);

        String html = Files.readString(file);
        assertThat(html.split("<svg ", -1)).hasSize(3);
        assertThat(html).contains("viewBox='0.0 0.0 760.0 360.0'", "<figcaption>cdf</figcaption>", ">Rounds<");
        assertThat(html).contains("<clipPath id='c1_").contains("<clipPath id='c2_");
        assertThat(Files.list(dir)).as("no temporary file left").containsExactly(file);
    }

    @Test
    void tables_have_one_cell_per_column() {
        assertThatThrownBy(() -> ReportTable.builder("a", "b").row("only one").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("row 0 has 1 cells, the table has 2 columns");
        assertThatThrownBy(() -> ReportTable.builder().build()).hasMessageContaining("at least one column");
    }
}
