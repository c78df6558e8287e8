/**
 * {@code reason4j ui --runs DIR}: a browser UI over run directories, served by Javalin on 127.0.0.1.
 *
 * <p>The server ({@link dev.reason4j.app.ui.UiServer}) answers JSON under {@code /api/runs} and serves the static
 * pages (plain HTML, CSS and JavaScript under {@code src/main/resources/dev/reason4j/app/ui/}) from the jar; the
 * pages fetch nothing but that API. {@link dev.reason4j.app.ui.RunCatalog} finds the runs under {@code --runs} and is
 * the only way a request reaches a file: run ids in URLs are looked up among the directories it found, never
 * resolved as paths. Each run kind has its reader: {@link dev.reason4j.app.ui.EvalRun} (eval results and search
 * trees), {@link dev.reason4j.app.ui.AnalysisRun} (analyze responses), {@link dev.reason4j.app.ui.TrainingMetrics}
 * (trainer metrics); files they cannot read become notes shown in the page, never errors.
 */
package dev.reason4j.app.ui;
