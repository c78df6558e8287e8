package dev.reason4j.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reason4j.core.dataset.Dataset;
import dev.reason4j.core.dataset.DatasetFormat;
import dev.reason4j.core.dataset.DatasetFormats;
import dev.reason4j.core.dataset.Datasets;
import dev.reason4j.core.dataset.Problem;
import dev.reason4j.core.grading.MathGrader;
import dev.reason4j.core.grading.Verdict;
import dev.reason4j.core.provenance.RunManifest;
import dev.reason4j.core.store.RunStore;
import dev.reason4j.search.SearchJson;
import dev.reason4j.search.SearchResult;
import dev.reason4j.search.SearchStrategy;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code reason4j eval --data F --strategy S[,S…] --out RUN}: runs strategies over a problem file into a resumable
 * run. Each problem's result (answer, verdict, answers found, cost, and the search tree) is committed to the run
 * store as soon as it is known, keyed by strategy and problem, so a killed run resumes where it stopped; at the end
 * {@code summary.json} and a table give per strategy the accuracy, tokens, prefix-cache reuse, code runs, reward
 * requests and wall time per problem (each batch's time shared among its problems), and {@code results.jsonl} holds
 * every record.
 */
@Command(
        name = "eval",
        mixinStandardHelpOptions = true,
        description = {
            "Evaluate search strategies on a problem file, into a resumable run directory.",
            "  reason4j eval --model DIR --data math500_test.jsonl --strategy greedy,maj,mcts --budget 4000 --out runs/m1"
        })
public final class EvalCommand implements Callable<Integer> {

    @Option(names = "--data", required = true, paramLabel = "F", description = "Problems: JSONL (or a .json array).")
    Path data;

    @Option(names = "--format", paramLabel = "NAME",
            description = "Dataset format (gsm8k, math, aime24, amc23, gaokao2023en, jsonl, json); default: from the "
                    + "file name, else jsonl with fields question and answer.")
    String format;

    @Option(names = "--limit", defaultValue = "0", description = "Only the first N problems; 0 for all (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--strategy", split = ",", defaultValue = "greedy",
            description = "Strategies, comma-separated: greedy, maj, bon, beam, mcts, adaptive (default: ${DEFAULT-VALUE}).")
    List<String> strategies;

    @Option(names = "--out", required = true, paramLabel = "RUN", description = "Run directory (created, or resumed).")
    Path out;

    @Option(names = "--batch", defaultValue = "8",
            description = "Problems searched together in lockstep; adaptive MCTS shares its budget within one "
                    + "(default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--no-trees", description = "Leave search trees out of the records.")
    boolean noTrees;

    @Mixin
    SearchSetup setup;

    @Spec
    CommandLine.Model.CommandSpec spec;

    private final ObjectMapper mapper = new ObjectMapper();

    @Override
    public Integer call() throws IOException {
        if (batch < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--batch must be >= 1, was " + batch);
        }
        if (!Files.isRegularFile(data)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--data " + data + ": no such file");
        }
        DatasetFormat fmt = format != null ? DatasetFormats.byName(format)
                : DatasetFormats.detect(data).orElse(data.toString().endsWith(".json") ? DatasetFormats.JSON : DatasetFormats.JSONL);
        Dataset dataset = Datasets.load(data, fmt);
        List<Problem> problems = limit > 0 && limit < dataset.size() ? dataset.problems().subList(0, limit) : dataset.problems();
        Set<String> ids = new HashSet<>();
        for (Problem p : problems) {
            if (!ids.add(p.id())) {
                throw new IllegalArgumentException(data + ": problem id '" + p.id() + "' appears twice");
            }
        }
        List<SearchStrategy> chosen = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (String name : strategies) {
            SearchStrategy s = setup.strategy(name);
            if (!names.add(s.name())) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--strategy lists " + s.name() + " twice");
            }
            chosen.add(s);
        }
        RunManifest.Builder job = RunManifest.builder("eval")
                .config(setup.config())
                .config("strategies", chosen.stream().map(SearchStrategy::name).toList())
                .config("format", fmt.name())
                .config("limit", limit)
                .config("batch", batch)
                .config("trees", !noTrees)
                .seed("search", setup.seed)
                .input(data);
        setup.modelFiles().forEach(job::input);
        PrintWriter w = spec.commandLine().getOut();
        if (setup.reward == SearchSetup.Reward.oracle) {
            w.println("note: --reward oracle ranks trajectories with the gold answers (data synthesis): "
                    + "the accuracy below is not a test score");
        }
        MathGrader grader = MathGrader.withDefaults();
        try (RunStore store = RunStore.open(out, job.build())) {
            Set<String> done = store.completedKeys();
            if (!done.isEmpty()) {
                w.printf(Locale.ROOT, "resuming %s: %,d of %,d results already recorded%n", out, done.size(),
                        (long) problems.size() * chosen.size());
                w.flush();
            }
            run(store, done, problems, chosen, grader);
            Map<String, Totals> totals = summarize(store, chosen);
            mapper.writerWithDefaultPrettyPrinter().writeValue(out.resolve("summary.json").toFile(), summaryJson(totals));
            long exported = store.exportJsonl(out.resolve("results.jsonl"));
            printTable(w, totals);
            w.printf("results: %s (%,d records)%nrun: %s%n", out.resolve("results.jsonl"), exported, out);
            w.flush();
        }
        return 0;
    }

    private void run(RunStore store, Set<String> done, List<Problem> problems, List<SearchStrategy> chosen,
            MathGrader grader) throws IOException {
        SearchSession session = null;
        try {
            for (int s = 0; s < chosen.size(); s++) {
                SearchStrategy strategy = chosen.get(s);
                List<Integer> todo = new ArrayList<>();
                for (int i = 0; i < problems.size(); i++) {
                    if (!done.contains(key(strategy, problems.get(i)))) {
                        todo.add(i);
                    }
                }
                if (todo.isEmpty()) {
                    continue;
                }
                if (session == null) {
                    session = setup.open(grader);
                }
                try (ProgressBar bar = Progress.bar("eval " + strategy.name(), "problems", problems.size(),
                        problems.size() - todo.size())) {
                    for (int from = 0; from < todo.size(); from += batch) {
                        List<Integer> chunk = todo.subList(from, Math.min(todo.size(), from + batch));
                        long started = System.nanoTime();
                        List<SearchResult> results = strategy.solve(session.context,
                                chunk.stream().map(problems::get).toList(), setup.seed);
                        long batchMillis = (System.nanoTime() - started) / 1_000_000;
                        for (int j = 0; j < chunk.size(); j++) {
                            Problem problem = problems.get(chunk.get(j));
                            ObjectNode record = record(problem, results.get(j), grader)
                                    .put("batch_wall_ms", batchMillis)
                                    .put("batch_size", chunk.size());
                            store.put(key(strategy, problem), (long) s * problems.size() + chunk.get(j),
                                    mapper.writeValueAsString(record));
                            bar.step();
                        }
                    }
                }
            }
        } finally {
            if (session != null) {
                session.close();
            }
        }
    }

    private static String key(SearchStrategy strategy, Problem problem) {
        return strategy.name() + "/" + problem.id();
    }

    private static final List<String> DIFFICULTY_FIELDS = List.of("difficulty", "level", "tier");

    private ObjectNode record(Problem problem, SearchResult result, MathGrader grader) {
        Verdict verdict = result.answer() == null ? null : grader.grade(problem.answer(), result.answer());
        ObjectNode o = mapper.createObjectNode()
                .put("question", problem.question())
                .put("gold", problem.answer())
                .put("correct", verdict != null && verdict.equal())
                .put("grade_reason", verdict == null ? "no answer" : verdict.reason());
        // the problem's difficulty, when its file has one, so results can be broken down by it (UI, evolve)
        for (String field : DIFFICULTY_FIELDS) {
            String value = problem.meta().get(field);
            if (value != null) {
                o.put("difficulty", value);
                break;
            }
        }
        return o.setAll(SearchJson.result(result, !noTrees, mapper));
    }

    /** Sums over a strategy's records, this session's and earlier ones. */
    static final class Totals {
        long problems;
        long correct;
        long answered;
        long generated;
        long prompt;
        long cached;
        long codeRuns;
        long codeFailures;
        long rewardRequests;
        long rollouts;
        /** Each problem's share of the wall time of the batch it was searched in. */
        double wallMillis;

        void add(JsonNode record) {
            JsonNode u = record.path("usage");
            problems++;
            correct += record.path("correct").asBoolean() ? 1 : 0;
            answered += record.path("answer").isTextual() ? 1 : 0;
            generated += u.path("generated_tokens").asLong();
            prompt += u.path("prompt_tokens").asLong();
            cached += u.path("cached_prompt_tokens").asLong();
            codeRuns += u.path("code_executions").asLong();
            codeFailures += u.path("code_failures").asLong();
            rewardRequests += u.path("reward_requests").asLong();
            rollouts += u.path("rollouts").asLong();
            wallMillis += record.path("batch_wall_ms").asDouble() / Math.max(1, record.path("batch_size").asInt(1));
        }

        double per(double total) {
            return problems == 0 ? 0 : total / problems;
        }

        double cachedShare() {
            return prompt == 0 ? 0 : (double) cached / prompt;
        }
    }

    private Map<String, Totals> summarize(RunStore store, List<SearchStrategy> chosen) {
        Map<String, Totals> totals = new LinkedHashMap<>();
        chosen.forEach(s -> totals.put(s.name(), new Totals()));
        try (var records = store.records()) {
            records.forEach(r -> {
                try {
                    JsonNode o = mapper.readTree(r.payload());
                    totals.computeIfAbsent(o.path("strategy").asText(), k -> new Totals()).add(o);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return totals;
    }

    private ObjectNode summaryJson(Map<String, Totals> totals) {
        ObjectNode root = mapper.createObjectNode();
        ArrayNode rows = root.putArray("strategies");
        totals.forEach((name, t) -> rows.addObject()
                .put("strategy", name)
                .put("problems", t.problems)
                .put("correct", t.correct)
                .put("accuracy", t.per(t.correct))
                .put("answered", t.answered)
                .put("generated_tokens", t.generated)
                .put("mean_generated_tokens", t.per(t.generated))
                .put("prompt_tokens", t.prompt)
                .put("cached_prompt_tokens", t.cached)
                .put("cached_share", t.cachedShare())
                .put("code_executions", t.codeRuns)
                .put("code_failures", t.codeFailures)
                .put("reward_requests", t.rewardRequests)
                .put("rollouts", t.rollouts)
                .put("wall_seconds", t.wallMillis / 1000));
        return root;
    }

    private static void printTable(PrintWriter w, Map<String, Totals> totals) {
        w.println("strategy         problems  accuracy  answered  gen tok/pb  prompt tok/pb  cache reuse  code runs"
                + "  reward req  s/pb");
        totals.forEach((name, t) -> w.printf(Locale.ROOT, "%-16s %8d  %7.1f%%  %7.1f%%  %10.1f  %13.1f  %10.1f%%  %9d"
                        + "  %10d  %4.2f%n",
                name, t.problems, 100 * t.per(t.correct), 100 * t.per(t.answered), t.per(t.generated), t.per(t.prompt),
                100 * t.cachedShare(), t.codeRuns, t.rewardRequests, t.per(t.wallMillis) / 1000));
    }
}
