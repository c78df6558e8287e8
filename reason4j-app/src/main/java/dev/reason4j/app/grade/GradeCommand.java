package dev.reason4j.app.grade;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reason4j.app.Progress;
import dev.reason4j.core.dataset.Container;
import dev.reason4j.core.dataset.DatasetException;
import dev.reason4j.core.dataset.FieldPath;
import dev.reason4j.core.dataset.JsonRecord;
import dev.reason4j.core.dataset.JsonRecordReader;
import dev.reason4j.core.grading.ExtractionOptions;
import dev.reason4j.core.grading.GraderOptions;
import dev.reason4j.core.grading.MathGrader;
import dev.reason4j.core.grading.PercentPolicy;
import dev.reason4j.core.grading.Verdict;
import dev.reason4j.core.provenance.RunManifest;
import dev.reason4j.core.store.RunStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code reason4j grade}: one pair from the command line, or a JSONL file of pairs graded into a resumable run.
 *
 * <p>With {@code --file}, every pair's verdict is committed to the run store as soon as it is decided, so a killed
 * run picks up where it stopped and never grades a pair twice; {@code --out} is written at the end, one JSON object
 * per input record, in input order.
 */
@Command(
        name = "grade",
        mixinStandardHelpOptions = true,
        description = {
            "Decide whether answers are mathematically equal.",
            "  reason4j grade --gold '\\frac12' --pred 0.5",
            "  reason4j grade --file pairs.jsonl --out verdicts.jsonl"
        })
public final class GradeCommand implements Callable<Integer> {

    /** When to look for the final answer inside the predicted text. */
    enum Extract {
        /** Use an explicit answer (box, answer tag, "the answer is") when there is one, else the whole text. */
        auto,
        /** Always extract; a text without a final answer is not equal. */
        always,
        /** The predicted text is the answer. */
        never
    }

    /** Extraction presets. */
    enum Style {
        math,
        gsm8k
    }

    @Option(names = "--gold", paramLabel = "ANSWER", description = "The gold answer (with --pred).")
    String gold;

    @Option(names = "--pred", paramLabel = "ANSWER", description = "The predicted answer or response (with --gold).")
    String pred;

    @Option(names = "--file", paramLabel = "F", description = "A JSONL file (or .json array) of pairs to grade.")
    Path file;

    @Option(names = "--out", paramLabel = "V", description = "Where --file writes its verdicts (JSONL).")
    Path out;

    @Option(names = "--run", paramLabel = "DIR",
            description = "Run directory for --file (default: next to --out, named after it with .run).")
    Path runDir;

    @Option(names = "--gold-field", defaultValue = "gold", paramLabel = "PATH",
            description = "Field of the gold answer; dotted paths allowed (default: ${DEFAULT-VALUE}).")
    String goldField;

    @Option(names = "--pred-field", defaultValue = "pred", paramLabel = "PATH",
            description = "Field of the prediction; dotted paths allowed (default: ${DEFAULT-VALUE}).")
    String predField;

    @Option(names = "--skip-bad-lines", description = "Record bad lines as skipped and go on, instead of stopping.")
    boolean skipBadLines;

    @Option(names = "--extract", defaultValue = "auto",
            description = "Find the final answer in the prediction: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Extract extract;

    @Option(names = "--style", defaultValue = "math",
            description = "Extraction preset: math (explicit answers only) or gsm8k (last number as fallback).")
    Style style;

    @Option(names = "--tolerance", defaultValue = "1e-4",
            description = "Relative tolerance for decimal approximations (default: ${DEFAULT-VALUE}).")
    double tolerance;

    @Option(names = "--percent", defaultValue = "EITHER",
            description = "A one-sided percent sign means: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    PercentPolicy percent;

    @Option(names = "--time-budget-ms", defaultValue = "2000",
            description = "Most time one check may take (default: ${DEFAULT-VALUE}).")
    long timeBudgetMillis;

    @Option(names = "--json", description = "Print the single verdict as JSON.")
    boolean json;

    @Spec
    CommandLine.Model.CommandSpec spec;

    private final ObjectMapper mapper = new ObjectMapper();

    @Override
    public Integer call() throws IOException {
        MathGrader grader = new MathGrader(GraderOptions.builder()
                .relativeTolerance(tolerance)
                .percentPolicy(percent)
                .timeBudget(Duration.ofMillis(timeBudgetMillis))
                .extraction(style == Style.gsm8k ? ExtractionOptions.gsm8kStyle() : ExtractionOptions.mathStyle())
                .build());
        if (file != null) {
            if (gold != null || pred != null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "use either --file or --gold/--pred, not both");
            }
            if (out == null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--file needs --out V for the verdicts");
            }
            return gradeFile(grader);
        }
        if (gold == null || pred == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give --gold and --pred, or --file");
        }
        return gradeOne(grader);
    }

    private int gradeOne(MathGrader grader) throws IOException {
        PrintWriter w = spec.commandLine().getOut();
        PairVerdict v = grade(grader, gold, pred);
        String goldNormalized = grader.parse(gold).normalized();
        String predNormalized = v.answer() == null ? "" : grader.parse(v.answer()).normalized();
        if (json) {
            ObjectNode o = toJson(v.verdict(), v.source())
                    .put("gold_normalized", goldNormalized)
                    .put("pred_normalized", predNormalized);
            w.println(mapper.writeValueAsString(o));
        } else {
            w.printf("equal      %s%n", v.verdict().equal());
            w.printf("reason     %s%n", v.verdict().reason());
            w.printf("gold       %s   (normalised: %s)%n", v.verdict().gold(), goldNormalized);
            w.printf("predicted  %s   (normalised: %s%s)%n", v.verdict().predicted(), predNormalized,
                    v.source().equals("whole") ? "" : "; extracted from a " + v.source());
            w.printf("kind       %s%n", v.verdict().kind());
        }
        w.flush();
        return 0;
    }

    /** A verdict, the answer that was graded, and where in the prediction it was found. */
    private record PairVerdict(Verdict verdict, String answer, String source) {}

    private PairVerdict grade(MathGrader grader, String goldAnswer, String prediction) {
        if (extract == Extract.never) {
            return new PairVerdict(grader.grade(goldAnswer, prediction), prediction, "whole");
        }
        var found = grader.extractor().extract(prediction);
        if (found.isPresent()) {
            String source = found.get().source().name().toLowerCase(Locale.ROOT);
            return new PairVerdict(grader.grade(goldAnswer, found.get().answer()), found.get().answer(), source);
        }
        if (extract == Extract.always) {
            return new PairVerdict(grader.gradeResponse(goldAnswer, prediction), null, "none");
        }
        return new PairVerdict(grader.grade(goldAnswer, prediction), prediction, "whole");
    }

    private ObjectNode toJson(Verdict v, String source) {
        return mapper.createObjectNode()
                .put("equal", v.equal())
                .put("reason", v.reason())
                .put("gold", v.gold())
                .put("pred", v.predicted())
                .put("kind", v.kind())
                .put("answer_source", source);
    }

    private int gradeFile(MathGrader grader) throws IOException {
        PrintWriter w = spec.commandLine().getOut();
        if (!Files.isRegularFile(file)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--file " + file + ": no such file");
        }
        FieldPath goldPath = FieldPath.parse(goldField);
        FieldPath predPath = FieldPath.parse(predField);
        Container container = file.toString().endsWith(".json") ? Container.JSON_ARRAY : Container.JSONL;
        Path dir = runDir != null ? runDir : defaultRunDir(out);
        RunManifest job = RunManifest.builder("grade")
                .config(Map.of(
                        "gold_field", goldField,
                        "pred_field", predField,
                        "extract", extract.name(),
                        "style", style.name(),
                        "relative_tolerance", tolerance,
                        "percent", percent.name(),
                        "time_budget_ms", timeBudgetMillis,
                        "skip_bad_lines", skipBadLines,
                        "seed", grader.options().seed()))
                .input(file)
                .build();
        long started = System.nanoTime();
        try (RunStore store = RunStore.open(dir, job)) {
            Set<String> done = store.completedKeys();
            long total = countRecords(container);
            if (!done.isEmpty()) {
                w.printf(Locale.ROOT, "resuming %s: %,d of %,d pairs already graded%n", dir, done.size(), total);
                w.flush();
            }
            long graded = 0;
            try (JsonRecordReader reader = JsonRecordReader.open(file, container);
                    ProgressBar bar = Progress.bar("grade", "pairs", total, done.size())) {
                while (true) {
                    long position;
                    ObjectNode payload;
                    try {
                        JsonRecord record = reader.next();
                        if (record == null) {
                            break;
                        }
                        position = record.position();
                        if (done.contains(key(position))) {
                            continue;
                        }
                        payload = gradeRecord(grader, record, goldPath, predPath);
                    } catch (DatasetException bad) {
                        if (!bad.skippable() || !skipBadLines) {
                            throw bad;
                        }
                        position = bad.line();
                        payload = skipped(position, bad.getMessage());
                    } catch (BadPair bad) {
                        if (!skipBadLines) {
                            throw bad;
                        }
                        position = bad.position;
                        payload = skipped(position, bad.getMessage());
                    }
                    if (store.put(key(position), position, mapper.writeValueAsString(payload))) {
                        graded++;
                    }
                    bar.step();
                }
            }
            long exported = store.exportJsonl(out);
            Summary summary = summarize(store);
            mapper.writerWithDefaultPrettyPrinter().writeValue(dir.resolve("summary.json").toFile(), summary.toJson(mapper));
            double seconds = (System.nanoTime() - started) / 1e9;
            w.printf(Locale.ROOT, "graded %,d pairs in %.1f s (%,d earlier); %,d equal (%.1f%%), %,d skipped%n",
                    graded, seconds, done.size(), summary.equal, 100.0 * summary.equal / Math.max(1, summary.pairs - summary.skipped),
                    summary.skipped);
            summary.printKinds(w);
            w.printf("verdicts: %s (%,d lines)%nrun: %s%n", out, exported, dir);
            w.flush();
            return 0;
        }
    }

    private ObjectNode gradeRecord(MathGrader grader, JsonRecord record, FieldPath goldPath, FieldPath predPath) {
        String goldText = text(record, goldPath);
        String predText = text(record, predPath);
        PairVerdict v = grade(grader, goldText, predText);
        ObjectNode o = mapper.createObjectNode().put("line", record.position());
        return o.setAll(toJson(v.verdict(), v.source()));
    }

    private String text(JsonRecord record, FieldPath path) {
        JsonNode node = path.resolve(record.value());
        if (node == null || node.isNull()) {
            throw badField(record, path, "missing");
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isNumber()) {
            return node.decimalValue().toPlainString();
        }
        throw badField(record, path, "expected text or a number, found " + node.getNodeType().name().toLowerCase(Locale.ROOT));
    }

    private BadPair badField(JsonRecord record, FieldPath path, String reason) {
        return new BadPair(record.position(), file + " " + record.location() + ", field '" + path + "': " + reason);
    }

    /** A record without a usable gold or predicted answer; the message names file, line and field. */
    static final class BadPair extends IllegalArgumentException {
        final long position;

        BadPair(long position, String message) {
            super(message);
            this.position = position;
        }
    }

    private ObjectNode skipped(long position, String reason) {
        return mapper.createObjectNode()
                .put("line", position)
                .put("equal", false)
                .put("skipped", true)
                .put("reason", reason);
    }

    private static String key(long position) {
        return Long.toString(position);
    }

    private long countRecords(Container container) {
        if (container == Container.JSON_ARRAY) {
            return -1;
        }
        try (var lines = Files.lines(file)) {
            return lines.filter(l -> !l.isBlank()).count();
        } catch (IOException | java.io.UncheckedIOException e) {
            return -1;
        }
    }

    static Path defaultRunDir(Path out) {
        String name = out.getFileName().toString().replaceFirst("\\.jsonl?$", "");
        Path parent = out.toAbsolutePath().getParent();
        return parent.resolve(name + ".run");
    }

    /** Counts over every record of the run, this session's and earlier ones. */
    private Summary summarize(RunStore store) {
        Summary s = new Summary();
        try (var records = store.records()) {
            records.forEach(r -> {
                try {
                    JsonNode o = mapper.readTree(r.payload());
                    s.add(o.path("kind").asText("skipped"), o.path("equal").asBoolean(), o.path("skipped").asBoolean());
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
        return s;
    }

    private static final class Summary {
        long pairs;
        long equal;
        long skipped;
        final Map<String, long[]> byKind = new TreeMap<>();

        void add(String kind, boolean isEqual, boolean isSkipped) {
            pairs++;
            if (isSkipped) {
                skipped++;
                return;
            }
            long[] k = byKind.computeIfAbsent(kind, x -> new long[2]);
            k[0]++;
            if (isEqual) {
                equal++;
                k[1]++;
            }
        }

        void printKinds(PrintWriter w) {
            w.println("kind             pairs   equal");
            byKind.forEach((kind, k) -> w.printf(Locale.ROOT, "%-15s %6d  %5.1f%%%n", kind, k[0], 100.0 * k[1] / k[0]));
        }

        ObjectNode toJson(ObjectMapper m) {
            ObjectNode o = m.createObjectNode().put("pairs", pairs).put("equal", equal).put("skipped", skipped)
                    .put("accuracy", (double) equal / Math.max(1, pairs - skipped));
            ObjectNode kinds = o.putObject("by_kind");
            byKind.forEach((kind, k) -> kinds.putObject(kind).put("pairs", k[0]).put("equal", k[1]));
            return o;
        }
    }
}
