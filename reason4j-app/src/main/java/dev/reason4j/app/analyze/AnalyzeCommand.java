package dev.reason4j.app.analyze;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.reason4j.app.Progress;
import dev.reason4j.core.dataset.Container;
import dev.reason4j.core.grading.MathGrader;
import dev.reason4j.core.metrics.AccuracyEfficiencyScore;
import dev.reason4j.core.metrics.AnalysisAggregator;
import dev.reason4j.core.metrics.AnalysisSummary;
import dev.reason4j.core.metrics.ApproximateTokenCounter;
import dev.reason4j.core.metrics.IssueKind;
import dev.reason4j.core.metrics.IssueSummary;
import dev.reason4j.core.metrics.ResponseAnalyzer;
import dev.reason4j.core.metrics.TokenCounter;
import dev.reason4j.core.metrics.io.ResponseFields;
import dev.reason4j.core.metrics.split.ApproachSignature;
import dev.reason4j.core.metrics.split.SplitRules;
import dev.reason4j.core.metrics.split.StepBoundary;
import dev.reason4j.core.provenance.RunManifest;
import dev.reason4j.lm.LanguageModel;
import dev.reason4j.lm.judge.Judge;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import me.tongfei.progressbar.ProgressBar;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code reason4j analyze}: how much of a model's compute was overthinking. Splits every response of a file into
 * solution rounds, grades each round, and writes to the run directory {@code --out}:
 * <ul>
 *   <li>{@code summary.json}: accuracy, mean tokens and rounds, ξ_O and ξ_P (Chen et al., arXiv:2412.21187),
 *       distributions, accuracy by length interval, AES against {@code --baseline} (O1-Pruner, arXiv:2501.12570),
 *       input issues, token counting mode and provenance;</li>
 *   <li>{@code responses.jsonl}: per response its rounds ({@code split_solutions}) with verdicts and clusters and
 *       its terms, written as the run goes; the file can be analysed again and scores the same;</li>
 *   <li>{@code issues.jsonl}: the lines, records and responses that could not be analysed, with why;</li>
 *   <li>{@code report.html}: a self-contained report with charts.</li>
 * </ul>
 * Results are committed per record to the run store, so a killed run resumes where it stopped.
 */
@Command(
        name = "analyze",
        mixinStandardHelpOptions = true,
        description = {
            "Measure overthinking: split responses into solution rounds; report accuracy,",
            "tokens, rounds, outcome and process efficiency (ξ_O, ξ_P), accuracy by length",
            "and AES against a baseline.",
            "  reason4j analyze --input qwq.jsonl --tokenizer MODEL_DIR --out runs/qwq",
            "  reason4j analyze --input pruned.jsonl --baseline runs/qwq --tokenizer MODEL_DIR \\",
            "      --out runs/pruned"
        })
public final class AnalyzeCommand implements Callable<Integer> {

    static final String SUMMARY = "summary.json";
    static final String REPORT = "report.html";

    @Option(names = "--input", required = true, paramLabel = "F",
            description = "Responses: JSONL (or a .json array), one problem per record with one response or a list.")
    Path input;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Run directory (created, or resumed).")
    Path out;

    @Option(names = "--baseline", paramLabel = "B",
            description = "Baseline for AES: a responses file (analysed with the same settings), or the run "
                    + "directory or summary.json of an earlier analyze run.")
    Path baseline;

    @Option(names = "--tokenizer", paramLabel = "T",
            description = "Model directory or tokenizer.json whose tokenizer counts tokens; without it counts are "
                    + "approximate (and labelled so).")
    Path tokenizer;

    @Option(names = "--problem-field", defaultValue = "problem|question", paramLabel = "PATHS",
            description = "Problem text: dotted paths, first present wins (default: ${DEFAULT-VALUE}).")
    String problemField;

    @Option(names = "--response-field", defaultValue = "response|responses", paramLabel = "PATHS",
            description = "Response: a string or a list of samples (default: ${DEFAULT-VALUE}).")
    String responseField;

    @Option(names = "--gold-field", defaultValue = "expected_answer|answer|gold", paramLabel = "PATHS",
            description = "Gold answer (default: ${DEFAULT-VALUE}).")
    String goldField;

    @Option(names = "--splits-field", defaultValue = "split_solutions", paramLabel = "PATHS",
            description = "Rounds split beforehand, [{solution, correct, cluster}], scored as given "
                    + "(default: ${DEFAULT-VALUE}).")
    String splitsField;

    @Option(names = "--id-field", defaultValue = "", paramLabel = "PATHS",
            description = "Problem id grouping samples across records (default: the problem text).")
    String idField;

    @Option(names = "--new-solution-markers", paramLabel = "A|B|…",
            description = "Openings of a verification or alternative approach that start a new round, separated "
                    + "by '|', replacing the defaults (Wait|Alternatively|Let me double-check|…).")
    String newSolutionMarkers;

    @Option(names = "--restatement-markers", paramLabel = "A|B|…",
            description = "Openings of a restatement that stays with the round before it, separated by '|', "
                    + "replacing the defaults (Final Answer|In conclusion|…).")
    String restatementMarkers;

    @Option(names = "--step-boundary", defaultValue = "BLANK_LINE",
            description = "What separates steps: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    StepBoundary stepBoundary;

    @Option(names = "--think-end-tag", defaultValue = "</think>",
            description = "Tag ending the reasoning; the summary after it joins the last round (default: ${DEFAULT-VALUE}).")
    String thinkEndTag;

    @Option(names = "--approach-terms-file", paramLabel = "F",
            description = "Vocabulary of solving techniques that makes a round distinct, one regular expression per "
                    + "line ('#' comments), replacing the default list.")
    Path approachTermsFile;

    @Option(names = "--intervals", defaultValue = "4",
            description = "Length intervals per problem for accuracy by length (default: ${DEFAULT-VALUE}).")
    int intervals;

    @Option(names = "--examples", defaultValue = "10",
            description = "Most overthought responses listed in the summary (default: ${DEFAULT-VALUE}).")
    int examples;

    @Option(names = "--threads", defaultValue = "0",
            description = "Threads analysing responses; 0 = available processors (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--alpha", defaultValue = "1", description = "AES weight of the length reduction (default: ${DEFAULT-VALUE}).")
    double alpha;

    @Option(names = "--beta", defaultValue = "3", description = "AES weight of an accuracy gain (default: ${DEFAULT-VALUE}).")
    double beta;

    @Option(names = "--gamma", defaultValue = "5", description = "AES weight of an accuracy loss (default: ${DEFAULT-VALUE}).")
    double gamma;

    @CommandLine.ArgGroup(exclusive = false, heading = "LLM judge (instead of the rules):%n")
    JudgeOptions judgeOptions = new JudgeOptions();

    @Spec
    CommandLine.Model.CommandSpec spec;

    private final ObjectMapper mapper = JsonMapper.builder().build();

    @Override
    public Integer call() throws IOException {
        requireFile("--input", input);
        AnalysisSettings settings = settings();
        MathGrader grader = MathGrader.withDefaults();
        try (HfTokenCounter hf = tokenizer == null ? null : HfTokenCounter.load(tokenizer);
                LanguageModel judgeModel = judgeOptions.enabled() ? judgeOptions.open() : null) {
            TokenCounter tokens = hf != null ? hf : new ApproximateTokenCounter();
            ResponseAnalyzer analyzer = settings.analyzer(grader, tokens);
            Judge judge = judgeModel == null ? null : new Judge(judgeModel, judgeOptions.maxTokens, 2000);
            if (judge != null) {
                analyzer = judgeOptions.apply(analyzer, judge, grader, settings.rules().thinkEndTag());
            }
            Optional<Baseline> base = baseline == null ? Optional.empty() : Optional.of(loadBaseline(settings, analyzer));
            RunManifest job = manifest(settings, analyzer, hf, base);
            int status = run(settings, analyzer, base, job);
            if (judge != null) {
                PrintWriter w = spec.commandLine().getOut();
                w.printf(Locale.ROOT, "judge %s: %,d questions, %,d unusable replies (rules used for those)%s%n",
                        judge.modelId(), judge.calls(), judge.unreadableReplies(), judge.firstFailure()
                                .map(m -> String.format(Locale.ROOT, "; %,d failed, first: %s", judge.failedCalls(), m))
                                .orElse(""));
                w.flush();
            }
            return status;
        }
    }

    private int run(AnalysisSettings settings, ResponseAnalyzer analyzer, Optional<Baseline> base, RunManifest job)
            throws IOException {
        PrintWriter w = spec.commandLine().getOut();
        AnalysisAggregator aggregator = settings.aggregator();
        long started = System.nanoTime();
        long[] analysed = {0, 0}; // responses, records
        RunManifest manifest;
        try (AnalysisRunFiles files = AnalysisRunFiles.open(out, job, mapper, aggregator)) {
            manifest = files.manifest();
            int earlier = files.completedLines().size();
            if (files.resumed()) {
                w.printf(Locale.ROOT, "resuming %s: %,d records already analysed%n", out, earlier);
                w.flush();
            }
            ResponseFileAnalyzer reader = new ResponseFileAnalyzer(input, settings.fields(), analyzer, workers());
            try (ProgressBar bar = Progress.bar("analyze", "records", countRecords(input), earlier)) {
                reader.analyze(files.completedLines()::contains, result -> {
                    files.commit(result);
                    result.responses().forEach(aggregator::add);
                    result.issues().forEach(aggregator::add);
                    analysed[0] += result.responses().size();
                    analysed[1]++;
                    bar.step();
                });
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        AnalysisSummary summary = aggregator.summary();
        Optional<AesComparison> comparison = base.map(b -> AesComparison.of(b, settings.aes(), summary));
        writeAtomically(out.resolve(SUMMARY), mapper.writerWithDefaultPrettyPrinter()
                .writeValueAsString(SummaryFile.build(mapper, input, summary, analyzer, comparison, manifest)));
        AnalysisReport.build(summary, analyzer.tokenCounter(), comparison, manifest).write(out.resolve(REPORT));
        print(w, summary, analyzer.tokenCounter(), comparison, analysed, seconds);
        return 0;
    }

    private AnalysisSettings settings() throws IOException {
        ResponseFields fields = new ResponseFields(ResponseFields.paths(problemField), ResponseFields.paths(responseField),
                ResponseFields.paths(goldField), ResponseFields.paths(splitsField), ResponseFields.paths(idField));
        SplitRules.Builder rules = SplitRules.builder().stepBoundary(stepBoundary).thinkEndTag(thinkEndTag);
        if (newSolutionMarkers != null) {
            rules.newSolutionMarkers(markers(newSolutionMarkers));
        }
        if (restatementMarkers != null) {
            rules.restatementMarkers(markers(restatementMarkers));
        }
        List<String> terms = ApproachSignature.DEFAULT_TERMS;
        if (approachTermsFile != null) {
            requireFile("--approach-terms-file", approachTermsFile);
            terms = Files.readAllLines(approachTermsFile, StandardCharsets.UTF_8).stream()
                    .map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .toList();
        }
        return new AnalysisSettings(fields, rules.build(), terms, intervals, examples,
                new AccuracyEfficiencyScore(alpha, beta, gamma));
    }

    private int workers() {
        if (threads < 0) {
            throw new IllegalArgumentException("--threads must be >= 0, got " + threads);
        }
        return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    }

    private static List<String> markers(String text) {
        return List.of(text.split("\\|", -1)).stream().map(String::strip).toList();
    }

    /** The baseline: an earlier run's summary, or its responses analysed now with the same settings. */
    private Baseline loadBaseline(AnalysisSettings settings, ResponseAnalyzer analyzer) throws IOException {
        Baseline loaded;
        if (Baseline.isSummary(baseline)) {
            loaded = Baseline.fromSummary(baseline, mapper);
        } else {
            requireFile("--baseline", baseline);
            AnalysisAggregator aggregator = settings.aggregator();
            ResponseFileAnalyzer reader = new ResponseFileAnalyzer(baseline, settings.fields(), analyzer, workers());
            try (ProgressBar bar = Progress.bar("baseline", "records", countRecords(baseline), 0)) {
                reader.analyze(line -> false, result -> {
                    result.responses().forEach(aggregator::add);
                    result.issues().forEach(aggregator::add);
                    bar.step();
                });
            }
            loaded = Baseline.of(baseline, aggregator.summary(), analyzer.tokenCounter().name());
        }
        loaded.requireCountedBy(analyzer.tokenCounter().name());
        return loaded;
    }

    private RunManifest manifest(AnalysisSettings settings, ResponseAnalyzer analyzer, HfTokenCounter hf,
            Optional<Baseline> base) {
        RunManifest.Builder job = RunManifest.builder("analyze")
                .config(settings.toConfig())
                .config("splitter", analyzer.splitter().name())
                .config("clusterer", analyzer.clusterer().name())
                .config("token_counter", analyzer.tokenCounter().name())
                .config(judgeOptions.enabled() ? judgeOptions.toConfig() : Map.of())
                .input(input);
        if (hf != null) {
            job.input(hf.file());
        }
        base.ifPresent(b -> job.input(Path.of(b.source())));
        return job.build();
    }

    private void print(PrintWriter w, AnalysisSummary s, TokenCounter tokens, Optional<AesComparison> comparison,
            long[] analysed, double seconds) {
        w.printf(Locale.ROOT, "analysed %,d responses from %,d records in %.1f s (%,.0f responses/s)%s%n",
                analysed[0], analysed[1], seconds, analysed[0] / Math.max(seconds, 1e-9),
                s.responses() > analysed[0] ? String.format(Locale.ROOT, "; %,d in all with earlier runs", s.responses()) : "");
        if (s.issueCount() > 0) {
            w.printf(Locale.ROOT, "%,d could not be analysed: %s (see %s)%n", s.issueCount(), issueCounts(s.issues()),
                    out.resolve(AnalysisRunFiles.ISSUES));
        }
        if (s.responses() == 0) {
            w.println("no response could be analysed");
        } else {
            printMetrics(w, s, tokens, comparison);
        }
        w.printf("summary: %s%nresponses: %s%nreport: %s%n", out.resolve(SUMMARY), out.resolve(AnalysisRunFiles.RESPONSES),
                out.resolve(REPORT));
        w.flush();
    }

    private static void printMetrics(PrintWriter w, AnalysisSummary s, TokenCounter tokens,
            Optional<AesComparison> comparison) {
        w.printf(Locale.ROOT, "responses           %,d (%,d problems)%n", s.responses(), s.problems());
        w.printf(Locale.ROOT, "accuracy            %.3f%n", s.accuracy());
        w.printf(Locale.ROOT, "mean tokens         %,.1f%s%n", s.meanTokens(), tokens.approximate() ? " (approximate)" : "");
        w.printf(Locale.ROOT, "mean solutions      %.2f%n", s.meanSolutions());
        w.printf(Locale.ROOT, "outcome efficiency  %.3f (ξ_O)%n", s.outcomeEfficiency());
        w.printf(Locale.ROOT, "process efficiency  %.3f (ξ_P)%n", s.processEfficiency());
        comparison.ifPresent(c -> c.result().ifPresent(r -> w.printf(Locale.ROOT,
                "AES                 %+.3f (ΔL %+.3f, ΔA %+.3f against %s)%n", r.score(), r.lengthReduction(),
                r.accuracyGain(), c.baseline().source())));
    }

    private static String issueCounts(Map<IssueKind, IssueSummary> issues) {
        return issues.entrySet().stream()
                .map(e -> e.getKey().key() + " " + e.getValue().count())
                .collect(Collectors.joining(", "));
    }

    private void requireFile(String option, Path file) {
        if (!Files.isRegularFile(file)) {
            throw new CommandLine.ParameterException(spec.commandLine(), option + " " + file + ": no such file");
        }
    }

    /** Non-blank lines of a JSONL file, for the progress bar; -1 (unknown) for a JSON array. */
    private static long countRecords(Path file) {
        if (ResponseFileAnalyzer.containerOf(file) == Container.JSON_ARRAY) {
            return -1;
        }
        try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
            return lines.filter(l -> !l.isBlank()).count();
        } catch (IOException | java.io.UncheckedIOException e) {
            return -1;
        }
    }

    private static void writeAtomically(Path file, String text) throws IOException {
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(temp, text, StandardCharsets.UTF_8);
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
