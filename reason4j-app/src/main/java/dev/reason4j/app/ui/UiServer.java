package dev.reason4j.app.ui;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.javalin.Javalin;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HttpResponseException;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The UI's HTTP server: the static pages at {@code /} and read-only JSON under {@code /api/runs}.
 *
 * <pre>
 *   GET /api/runs                                     every run: kind, configuration, provenance, headline, notes
 *   GET /api/runs/{run}                               one run, with its files, summary.json and per-strategy results
 *   GET /api/runs/{run}/problems                      eval: problems × strategies; analyze: problems and responses
 *   GET /api/runs/{run}/problems/{i}                  eval: every trajectory per strategy; analyze: the responses
 *   GET /api/runs/{run}/problems/{i}/tree/{strategy}  eval: the search tree, chosen path, graded endings
 *   GET /api/runs/{run}/curves                        eval: pass@k and maj@k per strategy
 *   GET /api/runs/{run}/metrics?max_points=N          train: one series per metrics.jsonl column
 *   GET /api/runs/{run}/report                        analyze: its report.html, sandboxed
 * </pre>
 *
 * {@code {run}} is the run's directory relative to {@code --runs} (slashes allowed), looked up in the
 * {@link RunCatalog}, never resolved as a path. Errors are {@code {"error": "..."}} with 400 or 404. On a loopback
 * address only requests naming a loopback host are answered (a web page cannot reach the runs by rebinding a DNS
 * name to 127.0.0.1), and every page may load only from this server (Content-Security-Policy).
 */
public final class UiServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(UiServer.class);
    static final String PAGE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; connect-src 'self'; frame-src 'self'; object-src 'none'; base-uri 'none'; "
            + "form-action 'none'; frame-ancestors 'self'";
    /** analyze's report is the runs' own HTML: no scripts, no requests, inline styles and images only. */
    static final String REPORT_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox; "
            + "frame-ancestors 'self'";
    private static final Set<String> LOOPBACK_NAMES = Set.of("localhost", "127.0.0.1", "[::1]");
    private static final Pattern INDEX = Pattern.compile("\\d{1,9}");
    private static final int DEFAULT_MAX_POINTS = 2_000;
    private static final int MAX_POINTS_LIMIT = 100_000;

    private final UiConfig config;
    private final ObjectMapper mapper = new ObjectMapper();
    private final RunCatalog catalog;
    private final RunReaders readers;
    private final RunOverviews overviews;
    private final EvalViews evalViews;
    private final StaticPages pages = new StaticPages();
    private final Javalin app;

    private UiServer(UiConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.catalog = new RunCatalog(config.runsRoot());
        AnswerGrades grades = new AnswerGrades();
        this.readers = new RunReaders(mapper, grades);
        this.overviews = new RunOverviews(mapper, readers);
        this.evalViews = new EvalViews(mapper, grades);
        this.app = Javalin.create(c -> {
            c.jetty.host = config.host();
            c.jetty.port = config.port();
            c.concurrency.useVirtualThreads = true;
            c.startup.showJavalinBanner = false;
            c.startup.showOldJavalinVersionWarning = false;
            c.routes.before(this::guard);
            c.routes.get("/api/runs", ctx -> json(ctx, runs()));
            c.routes.get("/api/runs/<run>/problems/{index}/tree/{strategy}", this::tree);
            c.routes.get("/api/runs/<run>/problems/{index}", this::problem);
            c.routes.get("/api/runs/<run>/problems", this::problems);
            c.routes.get("/api/runs/<run>/curves", this::curves);
            c.routes.get("/api/runs/<run>/metrics", this::metrics);
            c.routes.get("/api/runs/<run>/report", this::report);
            c.routes.get("/api/runs/<run>", ctx -> json(ctx, overviews.detail(run(ctx))));
            c.routes.get("/api/<rest>", ctx -> {
                throw new NotFoundResponse("no such API route: " + ctx.path());
            });
            c.routes.get("/", this::page);
            c.routes.get("/<file>", this::page);
            c.routes.exception(HttpResponseException.class, (e, ctx) -> error(ctx, e.getStatus(), e.getMessage()));
            c.routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
                error(ctx, 500, "internal error (" + e.getClass().getSimpleName() + "); see the server log");
            });
        });
    }

    /** Binds and starts serving. */
    public static UiServer start(UiConfig config) {
        UiServer server = new UiServer(config);
        try {
            server.app.start();
        } catch (RuntimeException e) {
            server.app.stop();
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof BindException) {
                    throw new IllegalArgumentException("cannot listen on " + config.host() + ":" + config.port() + " ("
                            + t.getMessage() + "): pick another --port, or --port 0 for any free one", e);
                }
            }
            throw e;
        }
        LOG.info("reason4j ui: runs in {} at {}", server.catalog.root(), server.url());
        return server;
    }

    /** The port bound (useful with port 0). */
    public int port() {
        return app.port();
    }

    /** {@code http://host:port/}, the address to open. */
    public String url() {
        String host = config.host().contains(":") ? "[" + config.host() + "]" : config.host();
        return "http://" + host + ":" + port() + "/";
    }

    @Override
    public void close() {
        app.stop();
    }

    private void guard(Context ctx) {
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Content-Security-Policy", PAGE_POLICY);
        if (config.loopback() && !LOOPBACK_NAMES.contains(hostName(ctx.header("Host")))) {
            throw new ForbiddenResponse("this server answers only requests to localhost or 127.0.0.1");
        }
    }

    /** The host name of a Host header ({@code localhost:8765} → {@code localhost}; {@code [::1]:80} → {@code [::1]}). */
    static String hostName(String header) {
        if (header == null) {
            return "";
        }
        String h = header.strip().toLowerCase(Locale.ROOT);
        int colon = h.lastIndexOf(':');
        return colon > h.lastIndexOf(']') ? h.substring(0, colon) : h;
    }

    private ArrayNode runs() {
        ArrayNode out = mapper.createArrayNode();
        catalog.scan().forEach(r -> out.add(overviews.summary(r)));
        return out;
    }

    private void problems(Context ctx) {
        RunDir run = run(ctx);
        Notes notes = new Notes();
        switch (kind(run)) {
            case EVAL -> json(ctx, evalViews.problems(required(readers.eval(run, notes), notes)));
            case ANALYSIS -> json(ctx, required(readers.analysis(run, notes), notes).problemsJson(mapper));
            default -> throw new NotFoundResponse("run " + run.id() + " has no problems: it is a "
                    + kind(run).wireName() + " run");
        }
    }

    private void problem(Context ctx) {
        RunDir run = run(ctx);
        int index = index(ctx);
        Notes notes = new Notes();
        switch (kind(run)) {
            case EVAL -> {
                EvalRun eval = required(readers.eval(run, notes), notes);
                json(ctx, evalViews.problem(eval, eval.problem(index).orElseThrow(() -> noProblem(run, index))));
            }
            case ANALYSIS -> {
                AnalysisRun analysis = required(readers.analysis(run, notes), notes);
                json(ctx, analysis.problemJson(analysis.problem(index).orElseThrow(() -> noProblem(run, index)), mapper));
            }
            default -> throw noProblem(run, index);
        }
    }

    private void tree(Context ctx) {
        RunDir run = run(ctx);
        int index = index(ctx);
        Notes notes = new Notes();
        EvalRun eval = required(kind(run) == RunKind.EVAL ? readers.eval(run, notes) : Optional.empty(),
                notes);
        EvalRun.Problem problem = eval.problem(index).orElseThrow(() -> noProblem(run, index));
        String strategy = ctx.pathParam("strategy");
        EvalRun.Result result = problem.results().get(strategy);
        if (result == null || result.treeNodes() == 0) {
            throw new NotFoundResponse("problem " + index + " of run " + run.id() + " has no search tree for strategy '"
                    + strategy + "'");
        }
        json(ctx, evalViews.tree(eval, problem, result));
    }

    private void curves(Context ctx) {
        RunDir run = run(ctx);
        Notes notes = new Notes();
        if (kind(run) != RunKind.EVAL) {
            throw new NotFoundResponse("run " + run.id() + " is not an eval run: no pass@k curves");
        }
        json(ctx, required(readers.curves(run, notes), notes));
    }

    private void metrics(Context ctx) {
        RunDir run = run(ctx);
        String max = ctx.queryParam("max_points");
        int maxPoints = DEFAULT_MAX_POINTS;
        if (max != null) {
            if (!INDEX.matcher(max).matches() || Integer.parseInt(max) < 2 || Integer.parseInt(max) > MAX_POINTS_LIMIT) {
                throw new BadRequestResponse("max_points must be an integer in [2, " + MAX_POINTS_LIMIT + "], was '"
                        + max + "'");
            }
            maxPoints = Integer.parseInt(max);
        }
        Notes notes = new Notes();
        json(ctx, required(readers.training(run, notes), notes).json(maxPoints, mapper));
    }

    private void report(Context ctx) {
        RunDir run = run(ctx);
        Path report = run.file("report.html", new Notes())
                .orElseThrow(() -> new NotFoundResponse("run " + run.id() + " has no report.html"));
        try {
            ctx.header("Content-Security-Policy", REPORT_POLICY);
            ctx.contentType("text/html; charset=utf-8").result(Files.readAllBytes(report));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void page(Context ctx) {
        StaticPages.Page page = pages.find(ctx.path())
                .orElseThrow(() -> new NotFoundResponse("no such page: " + ctx.path()));
        ctx.header("Cache-Control", "no-cache");
        ctx.contentType(page.contentType()).result(page.bytes());
    }

    private RunDir run(Context ctx) {
        String id = ctx.pathParam("run");
        return catalog.find(id).orElseThrow(() -> new NotFoundResponse("no run '" + id + "' under --runs"));
    }

    private RunKind kind(RunDir run) {
        Notes ignored = new Notes();
        String command = readers.json(run, RunReaders.MANIFEST, ignored).map(m -> m.path("command").asText(""))
                .orElse("");
        return RunKind.detect(command, run);
    }

    private static int index(Context ctx) {
        String raw = ctx.pathParam("index");
        if (!INDEX.matcher(raw).matches()) {
            throw new BadRequestResponse("problem index must be a number, was '" + raw + "'");
        }
        return Integer.parseInt(raw);
    }

    private static NotFoundResponse noProblem(RunDir run, int index) {
        return new NotFoundResponse("run " + run.id() + " has no problem " + index);
    }

    /** The value, or 404 with what the notes say is missing. */
    private static <T> T required(Optional<T> value, Notes notes) {
        return value.orElseThrow(() -> new NotFoundResponse(String.join("; ", notes.list())));
    }

    private void json(Context ctx, JsonNode body) {
        try {
            ctx.contentType("application/json").result(mapper.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void error(Context ctx, int status, String message) {
        ctx.status(status);
        json(ctx, mapper.createObjectNode().put("error", message));
    }
}
