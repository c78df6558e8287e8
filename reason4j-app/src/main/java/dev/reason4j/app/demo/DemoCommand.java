package dev.reason4j.app.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reason4j.core.provenance.RunManifest;
import dev.reason4j.core.store.RunRecord;
import dev.reason4j.core.store.RunStore;
import dev.reason4j.recipes.JsonlOutput;
import dev.reason4j.recipes.stages.Checkpoint;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code reason4j demo [--quick]}: the whole system on the shipped models and held-out testbed problems, in four
 * resumable parts, each in its own run directory under {@code --out}: (a) the search strategies' accuracy and tokens
 * by difficulty ({@link StrategiesPart}), (b) the base model's overthinking ({@link OverthinkingPart}), (c) short
 * runs of {@code shorten} and {@code prune} compared before and after ({@link RecipePart}), and (d) one HTML report
 * with {@code summary.json} ({@link DemoReport}, {@link DemoSummary}).
 *
 * <p>The demo's own run store holds each finished part's numbers and time: a rerun skips finished parts, and the
 * part that was running when a run was killed resumes inside its run directory. Another mode, model or seed in the
 * same directory is refused.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Everything on the shipped models and held-out testbed problems: search",
            "strategies by difficulty, the base model's overthinking, shorten and prune",
            "before and after, one HTML report and summary.json. Rerun to resume.",
            "  reason4j demo --quick        # within 5 minutes on two CPU cores",
            "  reason4j demo                # within 20 minutes, into runs/demo"
        })
public final class DemoCommand implements Callable<Integer> {

    static final String SUMMARY = "summary.json";
    static final String REPORT = "report.html";
    static final String OPENBLAS_THREADS = "OPENBLAS_NUM_THREADS";

    @Option(names = "--quick", description = "The short demo: one problem per tier, short searches and training runs.")
    boolean quick;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Run directory (created, or resumed) (default: runs/demo-quick with --quick, else runs/demo).")
    Path out;

    @Option(names = "--model", paramLabel = "DIR", description = "Policy model directory (default: the shipped policy).")
    Path model;

    @Option(names = "--ppm", paramLabel = "DIR",
            description = "Process preference model, a checkpoint with a value head (default: the shipped PPM when the "
                    + "policy is the shipped one and a PPM ships; without one, best-of-N and beam search are skipped).")
    Path ppm;

    @Option(names = "--threads", defaultValue = "1",
            description = "libtorch threads; 0 lets libtorch choose. One thread leaves the other core to the Python "
                    + "sandbox, and small models gain little from more (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--seed", defaultValue = "0",
            description = "Seed of every search, sample and training run; the problems are always the same "
                    + "(default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--device", defaultValue = "cpu", description = "cpu, cuda or auto (default: ${DEFAULT-VALUE}).")
    String device;

    @Option(names = "--search-protocol", defaultValue = "code",
            description = "Step format of the searches: code (rStar-Math, run in the sandbox) or cot "
                    + "(default: ${DEFAULT-VALUE}).")
    Protocol searchProtocol;

    @Option(names = "--response-protocol", defaultValue = "code",
            description = "Format of the whole responses sampled for the overthinking analysis and the recipes: "
                    + "code or cot; the analysis sees each verification of a cot response as a round of its own "
                    + "(default: ${DEFAULT-VALUE}).")
    Protocol responseProtocol;

    /** Seconds on the test fixture: every part, on two problems. */
    @Option(names = "--tiny", hidden = true)
    boolean tiny;

    @Spec
    CommandLine.Model.CommandSpec spec;

    private final ObjectMapper mapper = new ObjectMapper();

    @Override
    public Integer call() throws Exception {
        if (threads < 0) {
            throw new IllegalArgumentException("--threads must be >= 0, was " + threads);
        }
        DemoSize size = tiny ? DemoSize.tiny() : quick ? DemoSize.quick() : DemoSize.full();
        Path dir = out != null ? out : Path.of("runs", quick ? "demo-quick" : "demo");
        DemoModels models = DemoModels.resolve(model, ppm);
        PrintWriter w = spec.commandLine().getOut();
        long started = System.nanoTime();
        try (RunStore store = RunStore.open(dir, manifest(size, models))) {
            Map<String, ObjectNode> finished = finishedParts(store);
            w.printf(Locale.ROOT, "reason4j demo (%s) into %s%npolicy: %s%nPPM: %s%n", size.name(), dir,
                    models.policyOrigin(), models.ppmOrigin());
            if (System.getenv(OPENBLAS_THREADS) == null) {
                w.println("note: " + OPENBLAS_THREADS + " is not set: OpenBLAS then keeps a thread pool of its own "
                        + "that ignores --threads and, when other processes busy the cores, can make generation and "
                        + "training ten times slower; run with " + OPENBLAS_THREADS + "=1 for the timings the demo is "
                        + "sized for");
            }
            DemoProblems problems = DemoProblems.write(dir.resolve("problems"), size.testProblems(), size.trainProblems());
            DemoSetup setup = new DemoSetup(dir, size, models, problems, searchProtocol, responseProtocol, device,
                    threads, seed, w);
            List<DemoPart> parts = List.of(new StrategiesPart(mapper), new OverthinkingPart(mapper),
                    RecipePart.shorten(mapper), RecipePart.prune(mapper));
            for (int i = 0; i < parts.size(); i++) {
                runPart(parts.get(i), i, setup, store, finished);
            }
            ObjectNode summary = DemoSummary.build(mapper, store.manifest(), setup, parts, finished);
            JsonlOutput.writeDocument(dir.resolve(SUMMARY), summary, mapper);
            DemoReport.build(summary, dir, mapper).write(dir.resolve(REPORT));
            printFinal(w, parts, finished, (System.nanoTime() - started) / 1e9, dir);
        }
        return 0;
    }

    /** Runs a part unless an earlier run finished it, and prints its table and time. */
    private void runPart(DemoPart part, int index, DemoSetup setup, RunStore store, Map<String, ObjectNode> finished)
            throws Exception {
        PrintWriter w = setup.printer();
        w.printf("%n== %s ==%n", part.title());
        ObjectNode result = finished.get(part.id());
        if (result != null) {
            w.printf(Locale.ROOT, "done by an earlier run in %.1f s: nothing to do%n", result.path("seconds").asDouble());
        } else {
            long started = System.nanoTime();
            result = part.run(setup).put("seconds", (System.nanoTime() - started) / 1e9);
            store.put(part.id(), index, mapper.writeValueAsString(result));
            finished.put(part.id(), result);
        }
        part.print(w, result);
        w.printf(Locale.ROOT, "%s: %.1f s%n", part.id(), result.path("seconds").asDouble());
        w.flush();
    }

    /** The job: what decides the numbers (mode, sizes, formats, seeds, the models' files), not how fast it runs. */
    private RunManifest manifest(DemoSize size, DemoModels models) {
        RunManifest.Builder job = RunManifest.builder("demo")
                .config("mode", size.name())
                .config("size", size.toConfig())
                .config("search_protocol", searchProtocol.name())
                .config("response_protocol", responseProtocol.name())
                .config("ppm", models.ppm().isPresent())
                .seed("demo", seed)
                .seed("world", DemoProblems.WORLD_SEED);
        Checkpoint.files(models.policy()).forEach(job::input);
        models.ppm().ifPresent(p -> Checkpoint.files(p).forEach(job::input));
        return job.build();
    }

    /** The numbers of the parts an earlier run finished, by part. */
    private Map<String, ObjectNode> finishedParts(RunStore store) {
        Map<String, ObjectNode> finished = new LinkedHashMap<>();
        try (Stream<RunRecord> records = store.records()) {
            records.forEach(r -> {
                try {
                    finished.put(r.key(), (ObjectNode) mapper.readTree(r.payload()));
                } catch (IOException e) {
                    throw new UncheckedIOException(store.dir() + ": part '" + r.key() + "' is not JSON", e);
                }
            });
        }
        return finished;
    }

    private static void printFinal(PrintWriter w, List<DemoPart> parts, Map<String, ObjectNode> results, double seconds,
            Path dir) {
        w.printf("%n== summary ==%n");
        for (DemoPart part : parts) {
            w.printf("%n%s%n", part.title());
            part.print(w, results.get(part.id()));
        }
        w.println();
        for (DemoPart part : parts) {
            w.printf(Locale.ROOT, "%-13s %8.1f s%n", part.id(), results.get(part.id()).path("seconds").asDouble());
        }
        w.printf(Locale.ROOT, "%-13s %8.1f s (this run)%nreport: %s%nsummary: %s%nsearch trees: reason4j ui --runs %s%n",
                "total", seconds, dir.resolve(REPORT), dir.resolve(SUMMARY), dir.resolve("strategies"));
        w.flush();
    }
}
