package dev.reason4j.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The UI end to end in headless Chromium: each view on real runs (eval, analyze and train on the fixture model),
 * a click through a search tree, and a 10,000-node tree that must open in under 2 s. Screenshots go to
 * {@code target/ui-screenshots/}.
 *
 * <p>Needs Chromium and its driver (Debian: {@code apt-get install chromium chromium-driver}); found on the usual
 * paths or through {@code CHROME_BIN} and {@code CHROMEDRIVER}. Without them the tests are skipped, saying so.
 */
class UiBrowserIT {

    static final Duration TREE_OPEN_LIMIT = Duration.ofSeconds(2);
    private static final Path SCREENSHOTS = Path.of("target", "ui-screenshots");

    @TempDir
    static Path temp;

    static UiServer server;
    static WebDriver browser;
    /** Why the tests are skipped, {@code null} when Chromium and its driver were found. */
    static String missing;

    @BeforeAll
    static void start() throws IOException {
        Optional<Path> chrome = executable("CHROME_BIN", "/usr/bin/chromium", "/usr/bin/chromium-browser",
                "/usr/bin/google-chrome");
        Optional<Path> driver = executable("CHROMEDRIVER", "/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");
        if (chrome.isEmpty() || driver.isEmpty()) {
            missing = "UiBrowserIT skipped: no " + (chrome.isEmpty() ? "Chromium" : "chromedriver") + " found (install"
                    + " the Debian packages chromium and chromium-driver, or set CHROME_BIN and CHROMEDRIVER)";
            System.err.println(missing);
            return;
        }

        Path runs = Files.createDirectories(temp.resolve("runs"));
        UiRuns.createAll(runs, Files.createDirectories(temp.resolve("outside")));
        server = UiServer.start(UiConfig.local(runs, 0));
        ChromeOptions options = new ChromeOptions().setBinary(chrome.get().toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                        "--window-size=1400,1800", "--no-first-run", "--disable-extensions");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driver.get().toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        Files.createDirectories(SCREENSHOTS);
    }

    @BeforeEach
    void needsChromium() {
        Assumptions.assumeTrue(missing == null, missing);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    private static Optional<Path> executable(String env, String... candidates) {
        return Stream.concat(Stream.ofNullable(System.getenv(env)), Stream.of(candidates))
                .map(Path::of).filter(Files::isExecutable).findFirst();
    }

    private static void open(String hash, String view) {
        browser.get(server.url() + hash);
        waitForView(view);
    }

    private static void waitForView(String view) {
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> {
            String shown = d.findElement(By.id("view")).getAttribute("data-view");
            if ("error".equals(shown)) {
                throw new AssertionError("the page shows an error: " + d.findElement(By.id("view")).getText());
            }
            return view.equals(shown);
        });
    }

    private static List<WebElement> all(String css) {
        return browser.findElements(By.cssSelector(css));
    }

    private static WebElement waitFor(String css) {
        return new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
    }

    private static void screenshot(String name) throws IOException {
        byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
        Files.write(SCREENSHOTS.resolve(name + ".png"), png);
    }

    private static Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    @Test
    void should_list_runs_plot_accuracy_against_tokens_and_compare_two_runs() throws IOException {
        open("#/", "runs");

        assertThat(all("#runs-table tbody tr").size()).isGreaterThanOrEqualTo(9);
        assertThat(browser.findElement(By.cssSelector("tr[data-run='broken']")).getText()).contains("⚠");
        // one point per strategy of each eval run: 3 + 3 from the real runs, 1 + 1 hand-written, + 1 by difficulty
        assertThat(all("[data-chart='accuracy-tokens'] circle.point").size()).isGreaterThanOrEqualTo(8);
        screenshot("runs");

        browser.findElement(By.cssSelector("tr[data-run='" + UiRuns.EVAL + "'] input[type=checkbox]")).click();
        browser.findElement(By.cssSelector("tr[data-run='" + UiRuns.NESTED_EVAL + "'] input[type=checkbox]")).click();
        browser.findElement(By.cssSelector("[data-action='compare']")).click();
        waitForView("compare");

        assertThat(all("table.compare th").stream().map(WebElement::getText))
                .contains(UiRuns.EVAL, UiRuns.NESTED_EVAL);
        // the two runs differ in their creation time, not in the configuration
        assertThat(all("table.compare tr.differs").size()).isPositive();
        assertThat(all("table.compare tr.same").size()).isPositive();
        browser.findElement(By.id("only-diff")).click();
        assertThat(all("table.compare tr.same").stream().filter(WebElement::isDisplayed)).isEmpty();
        assertThat(all("[data-chart='accuracy-tokens'] circle.point")).hasSize(6);
        screenshot("compare");
    }

    @Test
    void should_show_an_eval_run_then_a_problem_then_click_through_its_tree() throws IOException {
        open("#/run/" + UiRuns.EVAL, "run");
        assertThat(all("table.strategies tbody tr")).hasSize(3);
        waitFor("[data-chart='pass-at-k'] path.series");
        assertThat(all("[data-chart='maj-at-k'] path.series").size()).isEqualTo(2);   // maj@4 and mcts
        screenshot("eval-run");

        browser.findElements(By.cssSelector("a.problem-link")).get(1).click();
        waitForView("problem");
        assertThat(browser.findElement(By.cssSelector(".gold")).getText()).isEqualTo("30");
        assertThat(all("section[data-strategy='maj@4'] details.trajectory")).hasSize(4);
        assertThat(all("section[data-strategy='mcts'] details.trajectory").size()).isPositive();
        screenshot("eval-problem");

        browser.findElement(By.cssSelector("section[data-strategy='mcts'] a.tree-link")).click();
        waitForView("tree");
        WebElement scroller = waitFor(".tree-scroll[data-ready]");
        int before = all(".tree-row").size();
        WebElement closed = browser.findElement(By.xpath("//div[contains(@class,'tree-row')][@aria-expanded='false']"));
        String id = closed.getAttribute("data-node");
        closed.findElement(By.cssSelector("button.toggle")).click();
        assertThat(browser.findElement(By.cssSelector(".tree-row[data-node='" + id + "']")).getAttribute("aria-expanded"))
                .isEqualTo("true");
        assertThat(all(".tree-row").size()).isGreaterThan(before);
        WebElement row = browser.findElement(By.cssSelector(".tree-row[data-node='" + id + "']"));
        row.click();
        assertThat(browser.findElement(By.cssSelector(".node-detail")).getAttribute("data-node")).isEqualTo(id);
        assertThat(browser.findElement(By.cssSelector(".node-detail")).getText()).contains("visits N", "value Q",
                "prior / PPM score");
        assertThat(scroller.getAttribute("data-render-ms")).isNotBlank();
        screenshot("eval-tree");
    }

    @Test
    void should_colour_solution_rounds_and_mark_the_first_correct_one() throws IOException {
        open("#/run/" + UiRuns.ANALYSIS, "run");
        assertThat(browser.findElement(By.cssSelector("iframe.report")).getAttribute("src")).endsWith("/report");
        screenshot("analysis-run");

        open("#/run/" + UiRuns.ANALYSIS + "/problem/1", "problem");
        WebElement overthought = browser.findElement(By.cssSelector("article.response[data-sample='2']"));
        List<WebElement> rounds = overthought.findElements(By.cssSelector(".round"));
        assertThat(rounds).hasSize(3);
        assertThat(rounds.get(0).getAttribute("class")).contains("first-correct", "distinct");
        assertThat(rounds.get(1).getAttribute("class")).contains("repeat", "after-first-correct");
        assertThat(rounds.get(2).getAttribute("class")).contains("after-first-correct");
        assertThat(overthought.findElements(By.cssSelector(".token-bar .segment"))).hasSize(3);
        assertThat(overthought.getText()).contains("★ first correct");
        screenshot("analysis-problem");
    }

    @Test
    void should_draw_training_curves() throws IOException {
        open("#/run/" + UiRuns.TRAINING, "run");

        WebElement loss = waitFor("[data-chart='loss']");
        assertThat(loss.findElements(By.cssSelector("path.series")).stream().map(p -> p.getAttribute("data-series")))
                .containsExactly("loss", "eval_loss");
        assertThat(all("[data-chart='lr'] path.series")).hasSize(1);
        assertThat(all("[data-chart='grad_norm'] path.series")).hasSize(1);
        screenshot("training");
    }

    @Test
    void should_open_a_10000_node_tree_in_under_two_seconds_and_stay_virtualised() throws IOException {
        // as a user gets there: the run's page first (it indexes results.jsonl), then the tree, timed from a fresh
        // page load through the tree's request to the first rows drawn
        open("#/run/" + UiRuns.BIG_TREE, "run");
        String url = server.url() + "#/run/" + UiRuns.BIG_TREE + "/problem/0/tree/mcts";
        browser.get("about:blank");
        long started = System.nanoTime();
        browser.get(url);
        WebElement scroller = new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".tree-scroll[data-ready]")));
        Duration opened = Duration.ofNanos(System.nanoTime() - started);
        System.err.printf("UiBrowserIT: %,d-node tree opened in %d ms (page's own count: %s ms)%n",
                UiRuns.BIG_TREE_NODES, opened.toMillis(), scroller.getAttribute("data-render-ms"));
        assertThat(opened).isLessThan(TREE_OPEN_LIMIT);
        // the chosen answer is selected and visible
        assertThat(browser.findElement(By.cssSelector(".tree-row.selected")).getAttribute("class")).contains("answer-node");

        long expandStarted = System.nanoTime();
        browser.findElement(By.cssSelector("[data-action='expand-all']")).click();
        assertThat(browser.findElement(By.cssSelector("[data-role='visible-count']")).getText())
                .startsWith("10,000 of 10,000");
        System.err.printf("UiBrowserIT: opening all %,d nodes took %d ms%n", UiRuns.BIG_TREE_NODES,
                Duration.ofNanos(System.nanoTime() - expandStarted).toMillis());
        assertThat(all(".tree-row").size()).as("rows in the DOM").isLessThan(200);

        js("arguments[0].scrollTop = arguments[0].scrollHeight", scroller);
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(d ->
                !d.findElements(By.cssSelector(".tree-row[data-node='" + (UiRuns.BIG_TREE_NODES - 1) + "']")).isEmpty()
                        || (Boolean) js("return [...document.querySelectorAll('.tree-row')].some(r => "
                        + "r.getBoundingClientRect().bottom >= arguments[0].getBoundingClientRect().bottom - 30)", scroller));
        assertThat(all(".tree-row").size()).isLessThan(200);
        screenshot("tree-10000-bottom");

        browser.findElement(By.cssSelector("[data-action='chosen-path']")).click();
        // everything off the chosen path closes again; the chosen answer is selected and scrolled to
        assertThat(browser.findElement(By.cssSelector("[data-role='visible-count']")).getText())
                .doesNotStartWith("10,000 of");
        assertThat(browser.findElement(By.cssSelector(".tree-row.selected")).getAttribute("class"))
                .contains("answer-node", "on-path");
        screenshot("tree-10000-chosen");
    }
}
