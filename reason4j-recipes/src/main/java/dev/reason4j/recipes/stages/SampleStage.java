package dev.reason4j.recipes.stages;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reason4j.core.dataset.Problem;
import dev.reason4j.core.metrics.AnalysisAggregator;
import dev.reason4j.core.metrics.AnalyzedResponse;
import dev.reason4j.core.metrics.InputIssue;
import dev.reason4j.core.metrics.IssueKind;
import dev.reason4j.core.metrics.LengthIntervalAccuracy;
import dev.reason4j.core.metrics.ResponseInput;
import dev.reason4j.core.metrics.io.ResponseAnalysisJson;
import dev.reason4j.core.metrics.io.SummaryJson;
import dev.reason4j.core.provenance.RunManifest;
import dev.reason4j.core.store.RunStore;
import dev.reason4j.lm.Completion;
import dev.reason4j.lm.FinishReason;
import dev.reason4j.lm.GenerationResult;
import dev.reason4j.recipes.JsonlOutput;
import dev.reason4j.recipes.PromptRendering;
import dev.reason4j.recipes.ResumableStage;
import dev.reason4j.recipes.StageProgress;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Samples K responses per problem from a model and analyses them (split into solution rounds, graded, counted with
 * the model's tokenizer): the pre-sampling of the overthinking self-training and of O1-Pruner, and the evaluation of
 * a model before and after training.
 *
 * <p>The unit of work is a problem: its K responses are drawn in one call with the problem's own seed
 * ({@link SamplingSettings#params}) and committed, analysed, in one transaction, so a killed stage resumes with no
 * problem lost or sampled twice. An empty response cannot be analysed and is kept as an issue, as
 * {@code reason4j analyze} does. At the end the stage writes {@value #RESPONSES} (every analysed response, the
 * per-response lines of {@code reason4j analyze}) and {@value #SUMMARY} (the analysis summary with {@code accuracy},
 * {@code mean_tokens}, {@code mean_solutions}, ξ_O and ξ_P, plus the stage's token usage).
 */
public final class SampleStage {

    public static final String RESPONSES = "responses.jsonl";
    public static final String SUMMARY = "summary.json";

    /** Length intervals and overthinking examples of the summary, as {@code reason4j analyze} defaults them. */
    private static final int LENGTH_INTERVALS = 4;
    private static final int EXAMPLES = 10;

    private final String name;
    private final SamplingSettings settings;
    private final PromptRendering prompts;
    private final ResponseSampler sampler;
    private final ResponseGrading grading;
    private final ObjectMapper mapper = new ObjectMapper();
    private final ResponseAnalysisJson json = new ResponseAnalysisJson(mapper);

    /**
     * @param name what the stage is, in its manifest and progress ({@code samples}, {@code eval before})
     * @param prompts the prompt each question is rendered to
     * @param sampler how the prompt becomes responses
     */
    public SampleStage(String name, SamplingSettings settings, PromptRendering prompts, ResponseSampler sampler,
            ResponseGrading grading) {
        this.name = Objects.requireNonNull(name, "name");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.prompts = Objects.requireNonNull(prompts, "prompts");
        this.sampler = Objects.requireNonNull(sampler, "sampler");
        this.grading = Objects.requireNonNull(grading, "grading");
    }

    /** The job of sampling {@code problems} from {@code model}. */
    public RunManifest manifest(ProblemSet problems, Checkpoint model) {
        RunManifest.Builder job = RunManifest.builder("sample")
                .config("stage", name)
                .config(settings.toConfig())
                .config("prompt", prompts.description())
                .config("sampler", sampler.description())
                .config("analysis", grading.toConfig())
                .config("problems", problems.problems().size())
                .config("problem_ids_sha256", problems.idsDigest())
                .seed("sampling", settings.seed())
                .input(problems.source());
        model.inputs().forEach(job::input);
        return job.build();
    }

    /** Samples every problem not yet in {@code runDir}, then writes the stage's files there. */
    public SampleResult run(Path runDir, ProblemSet problems, Checkpoint model, StageProgress progress) {
        List<Problem> list = problems.problems();
        try (RunStore store = RunStore.open(runDir, manifest(problems, model))) {
            Set<String> done = store.completedKeys();
            long skipped = list.stream().filter(p -> done.contains(p.id())).count();
            long committed = 0;
            progress.start(name, list.size(), skipped);
            try {
                for (int i = 0; i < list.size(); i++) {
                    Problem problem = list.get(i);
                    if (!done.contains(problem.id())) {
                        store.put(problem.id(), i, write(sample(problem, i + 1, model)));
                        committed++;
                        progress.step();
                    }
                }
            } finally {
                progress.finish();
            }
            return writeFiles(store, runDir, new ResumableStage.Counts(list.size(), skipped, committed));
        }
    }

    /** One problem's responses, analysed, and the tokens they cost. */
    private ObjectNode sample(Problem problem, long line, Checkpoint model) {
        GenerationResult result = sampler.sample(model.model(), prompts.prompt(problem.question()),
                settings.params(problem.id()));
        ObjectNode unit = mapper.createObjectNode()
                .put("problem_id", problem.id())
                .put("prompt_tokens", result.usage().promptTokens())
                .put("completion_tokens", result.usage().completionTokens())
                .put("truncated", result.completions().stream().filter(c -> c.finishReason() == FinishReason.LENGTH).count());
        ArrayNode responses = unit.putArray("responses");
        ArrayNode issues = unit.putArray("issues");
        for (Completion c : result.completions()) {
            if (c.text().isBlank()) {
                issues.add(json.write(new InputIssue(IssueKind.EMPTY_RESPONSE, line, c.index(),
                        "problem " + problem.id() + ", sample " + c.index() + ": the response is empty")));
                continue;
            }
            try {
                ResponseInput input = ResponseInput.of(problem.question(), problem.answer(), c.text());
                responses.add(json.write(new AnalyzedResponse(line, c.index(), problem.id(), problem.question(),
                        problem.answer(), c.text(), grading.analyzer().analyze(input))));
            } catch (RuntimeException failed) { // one odd response must not stop a long run
                issues.add(json.write(new InputIssue(IssueKind.ANALYSIS_FAILED, line, c.index(),
                        "problem " + problem.id() + ", sample " + c.index() + ": analysis failed: " + failed)));
            }
        }
        return unit;
    }

    /** {@value #RESPONSES} and {@value #SUMMARY} from every committed problem, in problem order. */
    private SampleResult writeFiles(RunStore store, Path runDir, ResumableStage.Counts counts) {
        AnalysisAggregator aggregator = new AnalysisAggregator(new LengthIntervalAccuracy(LENGTH_INTERVALS), EXAMPLES);
        long[] usage = new long[3]; // prompt tokens, completion tokens, truncated responses
        Path responses = runDir.resolve(RESPONSES);
        try (JsonlOutput out = JsonlOutput.open(responses, mapper); Stream<ObjectNode> units = ResumableStage.results(store, mapper)) {
            units.forEach(unit -> {
                for (JsonNode response : unit.path("responses")) {
                    out.write(response);
                    aggregator.add(ResponseAnalysisJson.readResponse(response));
                }
                unit.path("issues").forEach(issue -> aggregator.add(ResponseAnalysisJson.readIssue(issue)));
                usage[0] += unit.path("prompt_tokens").asLong();
                usage[1] += unit.path("completion_tokens").asLong();
                usage[2] += unit.path("truncated").asLong();
            });
            out.commit();
        }
        var summary = aggregator.summary();
        ObjectNode file = mapper.createObjectNode().put("stage", name).put("problems", counts.total());
        file.setAll(new SummaryJson(mapper).write(summary));
        file.putObject("usage")
                .put("prompt_tokens", usage[0])
                .put("completion_tokens", usage[1])
                .put("truncated_responses", usage[2]);
        file.put("token_counter", grading.analyzer().tokenCounter().name());
        JsonlOutput.writeDocument(runDir.resolve(SUMMARY), file, mapper);
        return new SampleResult(runDir, responses, summary, counts);
    }

    private String write(ObjectNode unit) {
        try {
            return mapper.writeValueAsString(unit);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
