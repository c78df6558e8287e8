package dev.reason4j.app.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reason4j.app.recipes.common.CliStageProgress;
import dev.reason4j.app.recipes.common.RecipeOptions;
import dev.reason4j.core.dataset.DatasetFormats;
import dev.reason4j.core.dataset.Datasets;
import dev.reason4j.core.metrics.AnalysisAggregator;
import dev.reason4j.core.metrics.AnalysisSummary;
import dev.reason4j.core.metrics.LengthIntervalAccuracy;
import dev.reason4j.core.metrics.io.ResponseAnalysisJson;
import dev.reason4j.lm.hf.HfTokenizer;
import dev.reason4j.recipes.stages.Checkpoint;
import dev.reason4j.recipes.stages.ProblemSet;
import dev.reason4j.recipes.stages.RecipeContext;
import dev.reason4j.recipes.stages.SampleStage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * Part (b): how much the base model overthinks. K responses per held-out problem are sampled from the policy at
 * the search's temperature and analysed as {@code reason4j analyze} does (split into solution rounds, graded,
 * counted with the model's tokenizer): ξ_O, ξ_P, solution rounds per response, and the analysis charts. The
 * sampling is the recipes' own sampling stage ({@link SampleStage}), set up by the options {@code shorten} and
 * {@code prune} take, so its responses are drawn and analysed exactly as theirs are.
 */
final class OverthinkingPart implements DemoPart {

    /** The search's sampling, so the analysed responses are those maj@k votes over. */
    static final double TEMPERATURE = 0.7;
    static final double TOP_P = 0.95;
    /** Length intervals and overthought examples, as {@code reason4j analyze} and the sampling stage default them. */
    private static final int LENGTH_INTERVALS = 4;
    private static final int EXAMPLES = 10;

    /** The recipes' options, parsed from the demo's arguments. */
    @Command(name = "overthinking")
    static final class Options {
        @Mixin
        RecipeOptions recipe;
    }

    private final ObjectMapper mapper;

    OverthinkingPart(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public String id() {
        return "overthinking";
    }

    @Override
    public String title() {
        return "(b) overthinking of the base model: ξ_O, ξ_P, solution rounds";
    }

    @Override
    public ObjectNode run(DemoSetup setup) throws IOException {
        Path dir = setup.out().resolve(id());
        List<String> args = new ArrayList<>(setup.responseSampling(dir));
        args.addAll(List.of("--data", setup.problems().test().toString()));
        RecipeOptions options = EmbeddedCommand.parse(new Options(), args, setup.printer()).recipe;
        ProblemSet problems = ProblemSet.of(Datasets.load(setup.problems().test(), DatasetFormats.JSONL), 0);
        setup.printer().printf(Locale.ROOT, "sampling %d responses per held-out problem (temperature %s, top-p %s, at "
                + "most %d tokens) with the samples stage of shorten and prune, into %s%n",
                setup.size().analysisSamples(), TEMPERATURE, TOP_P, setup.size().maxTokens(), dir);
        setup.printer().flush();
        try (HfTokenizer tokenizer = options.model().tokenizer(); RecipeContext context = options.context(tokenizer);
                Checkpoint base = new Checkpoint(options.model().model(), context.backend())) {
            new SampleStage(id(), options.sampling().sampling(setup.size().analysisSamples(), TEMPERATURE, TOP_P),
                    context.prompts(), context.sampler(), context.grading()).run(dir, problems, base, new CliStageProgress());
        }
        ObjectNode result = (ObjectNode) mapper.readTree(dir.resolve(SampleStage.SUMMARY).toFile());
        return result.put("dir", id()).put("responses_file", id() + "/" + SampleStage.RESPONSES);
    }

    /** The analysis of a finished part, from its responses file, for the report's charts. */
    static AnalysisSummary summary(Path demoDir, JsonNode result, ObjectMapper mapper) {
        Path responses = demoDir.resolve(result.path("responses_file").asText());
        AnalysisAggregator aggregator = new AnalysisAggregator(new LengthIntervalAccuracy(LENGTH_INTERVALS), EXAMPLES);
        try (Stream<String> lines = Files.lines(responses)) {
            lines.filter(l -> !l.isBlank()).forEach(l -> {
                try {
                    aggregator.add(ResponseAnalysisJson.readResponse(mapper.readTree(l)));
                } catch (IOException e) {
                    throw new UncheckedIOException(responses + ": not a JSON line: " + e.getMessage(), e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + responses + " (part (b)'s responses; delete the demo's "
                    + "directory to start over): " + e.getMessage(), e);
        }
        return aggregator.summary();
    }

    @Override
    public void print(PrintWriter w, JsonNode r) {
        w.println("responses  problems  accuracy  mean tokens  solutions    ξ_O    ξ_P  tokens after 1st correct");
        w.printf(Locale.ROOT, "%9d  %8d  %8s  %11s  %9s  %5s  %5s  %24s%n", r.path("responses").asLong(),
                r.path("problems").asLong(), Cells.percent(r.path("accuracy")), Cells.number(r.path("mean_tokens"), "%.1f"),
                Cells.number(r.path("mean_solutions"), "%.2f"), Cells.number(r.path("outcome_efficiency"), "%.3f"),
                Cells.number(r.path("process_efficiency"), "%.3f"),
                Cells.percent(r.path("tokens_after_first_correct_share")));
        w.flush();
    }
}
