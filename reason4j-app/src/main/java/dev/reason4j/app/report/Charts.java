package dev.reason4j.app.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The chart kinds reports use, in one plain style: white background, light grid, no shadows or gradients, values
 * printed on bars. Each method returns a {@link JFreeChart} to hand to {@link HtmlReport#chart}.
 */
public final class Charts {

    static {
        Headless.ensure();
    }

    private static final Color[] PALETTE = {
        new Color(0x2F6DB5), new Color(0xE07B39), new Color(0x3A9A5B), new Color(0xB23A48), new Color(0x7A5BA6),
        new Color(0x1F9BA8)
    };
    private static final Color GRID = new Color(0xDDDDDD);
    private static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 15);

    private Charts() {}

    /**
     * A point of a curve.
     *
     * @param x position on the horizontal axis
     * @param y value
     */
    public record Point(double x, double y) {}

    /** One bar per category, in the map's order. */
    public static JFreeChart bars(String title, String xLabel, String yLabel, Map<String, ? extends Number> values) {
        return groupedBars(title, xLabel, yLabel, Map.of(yLabel, values), false);
    }

    /**
     * Bars grouped by category, one colour per series; categories in the order they first appear.
     *
     * @param series series name → (category → value), in the map's order
     * @param shareAxis whether values are shares in [0, 1] (the axis is then fixed to 0..1)
     */
    public static JFreeChart groupedBars(String title, String xLabel, String yLabel,
            Map<String, ? extends Map<String, ? extends Number>> series, boolean shareAxis) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        series.forEach((name, values) -> values.forEach((category, value) -> data.addValue(value, name, category)));
        JFreeChart chart = ChartFactory.createBarChart(title, xLabel, yLabel, data);
        CategoryPlot plot = chart.getCategoryPlot();
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setItemMargin(0.05);
        renderer.setMaximumBarWidth(0.12);
        renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator(
                "{2}", new DecimalFormat(shareAxis ? "0.00" : "#,##0.##", DecimalFormatSymbols.getInstance(Locale.ROOT))));
        renderer.setDefaultItemLabelsVisible(true);
        for (int i = 0; i < series.size(); i++) {
            renderer.setSeriesPaint(i, PALETTE[i % PALETTE.length]);
        }
        NumberAxis values = (NumberAxis) plot.getRangeAxis();
        if (shareAxis) {
            values.setRange(0, 1.08);
        } else {
            values.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
            values.setUpperMargin(0.12);
        }
        plot.setRangeGridlinePaint(GRID);
        style(chart, series.size() > 1);
        plot.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    /**
     * Step curves, one per series (points in ascending x), such as empirical CDFs.
     *
     * @param series series name → points, in the map's order
     * @param shareAxis whether y values are shares in [0, 1]
     */
    public static JFreeChart steps(String title, String xLabel, String yLabel, Map<String, List<Point>> series,
            boolean shareAxis) {
        XYSeriesCollection data = new XYSeriesCollection();
        series.forEach((name, points) -> {
            // the steps drawn as one polyline (rise, then run) keep the SVG small: one path per series
            XYSeries s = new XYSeries(name, false, true);
            for (int i = 0; i < points.size(); i++) {
                Point p = points.get(i);
                if (i > 0) {
                    s.add(p.x(), points.get(i - 1).y());
                }
                s.add(p.x(), p.y());
            }
            data.addSeries(s);
        });
        JFreeChart chart = ChartFactory.createXYLineChart(title, xLabel, yLabel, data);
        XYPlot plot = chart.getXYPlot();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        renderer.setDrawSeriesLineAsPath(true);
        plot.setRenderer(renderer);
        for (int i = 0; i < series.size(); i++) {
            renderer.setSeriesPaint(i, PALETTE[i % PALETTE.length]);
            renderer.setSeriesStroke(i, new BasicStroke(2f));
        }
        if (shareAxis) {
            ((NumberAxis) plot.getRangeAxis()).setRange(0, 1.02);
        }
        ((NumberAxis) plot.getDomainAxis()).setAutoRangeIncludesZero(true);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        style(chart, series.size() > 1);
        return chart;
    }

    private static void style(JFreeChart chart, boolean legend) {
        chart.setBackgroundPaint(Color.WHITE);
        TextTitle title = chart.getTitle();
        if (title != null) {
            title.setFont(TITLE_FONT);
        }
        if (chart.getLegend() != null) {
            chart.getLegend().setVisible(legend);
            chart.getLegend().setFrame(BlockBorder.NONE);
        }
    }
}
