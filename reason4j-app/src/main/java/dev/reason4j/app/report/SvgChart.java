package dev.reason4j.app.report;

import java.awt.geom.Rectangle2D;
import java.util.Objects;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/**
 * Draws a chart into an SVG element, headless. The element has a view box but no fixed size, so the page's CSS
 * scales it; text stays text (searchable, small).
 */
public final class SvgChart {

    static {
        Headless.ensure();
    }

    private SvgChart() {}

    /**
     * The chart as an {@code <svg>} element.
     *
     * @param chart the chart
     * @param width drawing width in pixels (the aspect ratio and text size follow from it)
     * @param height drawing height in pixels
     * @param idPrefix prefix for the ids of clip paths and gradients, unique within the page: several charts
     *     inlined in one HTML document must not share ids
     */
    public static String render(JFreeChart chart, int width, int height, String idPrefix) {
        Objects.requireNonNull(chart, "chart");
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("chart size must be positive, got " + width + "x" + height);
        }
        SVGGraphics2D g2 = new SVGGraphics2D(width, height);
        g2.setDefsKeyPrefix(idPrefix);
        chart.draw(g2, new Rectangle2D.Double(0, 0, width, height));
        return g2.getSVGElement(null, false, new ViewBox(0, 0, width, height), null, null);
    }
}
