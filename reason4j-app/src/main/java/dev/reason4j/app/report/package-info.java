/**
 * Self-contained HTML reports: one file with inline CSS and charts drawn by JFreeChart into inline SVG, so a
 * report opens anywhere without a server or network access. {@link dev.reason4j.app.report.HtmlReport} assembles
 * the page, {@link dev.reason4j.app.report.Charts} builds the common chart kinds in one house style, and
 * {@link dev.reason4j.app.report.SvgChart} draws a chart headless.
 */
package dev.reason4j.app.report;
