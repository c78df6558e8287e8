package dev.reason4j.search;

import dev.reason4j.exec.CodeExecutor;
import dev.reason4j.exec.CodePrefix;
import dev.reason4j.exec.ExecResult;
import dev.reason4j.lm.Completion;
import dev.reason4j.lm.FinishReason;
import dev.reason4j.lm.GenerationResult;
import dev.reason4j.lm.Prompt;
import dev.reason4j.lm.SamplingParams;
import dev.reason4j.lm.TokenLogprob;
import dev.reason4j.lm.Tokenizer;
import dev.reason4j.lm.Usage;
import dev.reason4j.search.protocol.CodeRules;
import dev.reason4j.search.protocol.GeneratedStep;
import dev.reason4j.search.protocol.StepOutcome;
import dev.reason4j.search.protocol.StepProtocol;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Grows search trees by one step: generates the next steps of many nodes (of many problems) together, judges them
 * with the step protocol, runs their code in parallel and adds them as children.
 *
 * <p>Generation calls: the requests of one problem that share sample count and temperature go into one call seeded
 * from the problem's own stream; with {@link SearchSettings#lockstep()} all problems share one call per round.
 * Children are added in request order, then sample order, so node ids never depend on how calls were grouped.
 */
final class Expander {

    /**
     * One node to extend.
     *
     * @param samples next steps to sample
     * @param temperature sampling temperature for them
     * @param dedupe drop samples whose text (white space trimmed) repeats an earlier sample of the same node
     */
    record Request(ProblemSearch search, SearchNode node, int samples, double temperature, boolean dedupe) {
        Request {
            if (node.isTerminal()) {
                throw new IllegalArgumentException("node " + node.id() + " has ended and cannot be extended");
            }
            if (samples < 1) {
                throw new IllegalArgumentException("samples must be >= 1, was " + samples);
            }
        }
    }

    /** Least room a prompt must leave for a step; a longer trajectory ends as {@link TerminalReason#CONTEXT_FULL}. */
    private static final int MIN_STEP_ROOM = 16;

    private record GroupKey(ProblemSearch problem, int samples, double temperature) {}

    private static final class Group {
        final long seed;
        final List<Integer> requests = new ArrayList<>();
        final List<Prompt> prompts = new ArrayList<>();

        Group(long seed) {
            this.seed = seed;
        }
    }

    /** A generated step waiting for its code to run and its node to be made. */
    private static final class Draft {
        final int request;
        final int sample;
        final GeneratedStep step;
        final StepOutcome outcome;
        final int[] tokens;
        final int generated;
        final double prior;
        ExecResult exec;

        Draft(int request, int sample, GeneratedStep step, StepOutcome outcome, int[] tokens, int generated, double prior) {
            this.request = request;
            this.sample = sample;
            this.step = step;
            this.outcome = outcome;
            this.tokens = tokens;
            this.generated = generated;
            this.prior = prior;
        }
    }

    private final SearchContext ctx;
    private final StepProtocol protocol;
    private final boolean tokenPrompts;
    private final Tokenizer tokenizer;
    private final long runSeed;
    private long rounds;

    Expander(SearchContext ctx, long runSeed) {
        this.ctx = ctx;
        this.protocol = ctx.protocol();
        this.tokenPrompts = ctx.tokenPrompts();
        this.tokenizer = tokenPrompts ? ctx.tokenizer().orElseThrow() : null;
        this.runSeed = runSeed;
    }

    /**
     * Extends every requested node. A node whose trajectory no longer fits the model's context ends as
     * {@link TerminalReason#CONTEXT_FULL} and gets no children.
     *
     * @return the new children of each request, in request order
     */
    List<List<SearchNode>> expand(List<Request> requests) {
        List<List<SearchNode>> children = new ArrayList<>();
        requests.forEach(r -> children.add(new ArrayList<>()));
        long roundSeed = Seeds.mix(runSeed, rounds++);
        Map<GroupKey, Group> groups = new LinkedHashMap<>();
        int[] promptLengths = new int[requests.size()];
        for (int i = 0; i < requests.size(); i++) {
            Request r = requests.get(i);
            Prompt prompt = prompt(r);
            if (prompt == null) {
                continue;
            }
            promptLengths[i] = prompt instanceof Prompt.Tokens t ? t.ids().size() : 0;
            boolean lockstep = ctx.settings().lockstep();
            GroupKey key = new GroupKey(lockstep ? null : r.search(), r.samples(), r.temperature());
            Group group = groups.computeIfAbsent(key, k -> new Group(lockstep ? roundSeed : r.search().nextCallSeed()));
            group.requests.add(i);
            group.prompts.add(prompt);
        }
        List<Draft> drafts = new ArrayList<>();
        for (Map.Entry<GroupKey, Group> e : groups.entrySet()) {
            drafts.addAll(generate(requests, e.getKey(), e.getValue()));
        }
        runCode(requests, drafts);
        drafts.sort(Comparator.comparingInt((Draft d) -> d.request).thenComparingInt(d -> d.sample));
        for (Draft d : drafts) {
            children.get(d.request).add(addNode(requests.get(d.request), d, promptLengths[d.request]));
        }
        return children;
    }

    /** The node's prompt, or null after ending it when the trajectory no longer fits the context. */
    private Prompt prompt(Request r) {
        SearchTree tree = r.search().tree;
        if (!tokenPrompts) {
            return Prompt.text(tree.promptText() + r.node().trajectory());
        }
        int[] ids = tree.contextTokens(r.node());
        int room = Math.min(MIN_STEP_ROOM, ctx.settings().maxStepTokens());
        if (ids.length + room > ctx.policy().info().contextLength()) {
            r.node().end(TerminalReason.CONTEXT_FULL);
            return null;
        }
        return Prompt.tokens(ids);
    }

    private List<Draft> generate(List<Request> requests, GroupKey key, Group group) {
        SearchSettings s = ctx.settings();
        SamplingParams params = SamplingParams.builder()
                .n(key.samples())
                .temperature(key.temperature())
                .topP(key.temperature() == 0 ? 1 : s.topP())
                .maxTokens(s.maxStepTokens())
                .stop(protocol.stepEnds())
                .seed(group.seed)
                .logprobs(true)
                .build();
        List<GenerationResult> results = ctx.policy().generate(group.prompts, params);
        List<Draft> drafts = new ArrayList<>();
        for (int j = 0; j < results.size(); j++) {
            int index = group.requests.get(j);
            Request r = requests.get(index);
            GenerationResult result = results.get(j);
            count(r.search(), result.usage());
            String before = r.node().trajectory();
            Set<String> seen = new HashSet<>();
            for (Completion c : result.completions()) {
                Draft d = draft(index, c, before);
                if (!r.dedupe() || seen.add(d.step.text().strip())) {
                    drafts.add(d);
                }
            }
        }
        return drafts;
    }

    private Draft draft(int request, Completion c, String before) {
        String marker = c.finishReason() == FinishReason.STOP && protocol.stepEnds().contains(c.matchedStop())
                ? c.matchedStop() : null;
        boolean truncated = c.finishReason() == FinishReason.LENGTH;
        String text = marker == null ? c.text() : c.text() + marker;
        GeneratedStep step = new GeneratedStep(text, marker, marker == null && !truncated, truncated);
        StepOutcome outcome = protocol.judge(step, before);
        int[] tokens = new int[0];
        if (tokenPrompts) {
            tokens = c.tokenIds().stream().mapToInt(Integer::intValue).toArray();
            if (!tokenizer.decode(tokens).equals(text)) { // a stop string ended inside a token, or an end-of-sequence token
                tokens = tokenizer.encode(text);
            }
        }
        double prior = c.logprobs().isEmpty() ? Double.NaN
                : Math.exp(c.logprobs().stream().mapToDouble(TokenLogprob::logprob).average().orElse(0));
        return new Draft(request, c.index(), step, outcome, tokens, c.tokenIds().size(), Math.min(1, prior));
    }

    /** Runs the code of every code step in parallel; the executor bounds how many run at once. */
    private void runCode(List<Request> requests, List<Draft> drafts) {
        List<Draft> code = drafts.stream().filter(d -> d.outcome instanceof StepOutcome.Code).toList();
        if (code.isEmpty()) {
            return;
        }
        CodeExecutor executor = ctx.executor().orElseThrow(() -> new IllegalStateException(
                "protocol " + protocol.name() + " produced a code step, but the search has no executor"));
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<ExecResult>> runs = new ArrayList<>();
            for (Draft d : code) {
                CodePrefix prefix = requests.get(d.request).node().codePrefix();
                String source = ((StepOutcome.Code) d.outcome).code();
                runs.add(threads.submit(() -> executor.runStep(prefix, source)));
            }
            for (int i = 0; i < code.size(); i++) {
                code.get(i).exec = runs.get(i).get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running code steps", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("running a code step failed: " + e.getCause().getMessage(), e.getCause());
        }
    }

    /** Makes the node of a draft whose code (if any) ran; {@code promptLength} is its parent's prompt in tokens. */
    private SearchNode addNode(Request r, Draft d, int promptLength) {
        SearchNode parent = r.node();
        ProblemSearch search = r.search();
        CodePrefix prefix = parent.codePrefix();
        int errors = 0;
        CodeRun run = null;
        String observation = "";
        String answer = null;
        TerminalReason terminal = null;
        switch (d.outcome) {
            case StepOutcome.Continue c -> { }
            case StepOutcome.Answer a -> {
                terminal = TerminalReason.ANSWER;
                answer = a.answer();
            }
            case StepOutcome.DeadEnd dead -> terminal = dead.reason();
            case StepOutcome.Code code -> {
                CodeRules rules = protocol.codeRules();
                ExecResult result = d.exec;
                boolean failed = rules.failed(result);
                String error = result.error() == null ? null : result.error().type() + ": " + result.error().message();
                run = new CodeRun(code.code(), result.status(), failed, result.stdout(), error, result.fromSnapshot());
                observation = protocol.observation(code, result, failed);
                search.codeExecutions++;
                search.codeFromSnapshot += result.fromSnapshot() ? 1 : 0;
                if (failed) {
                    search.codeFailures++;
                    errors = parent.consecutiveErrors() + 1;
                    prefix = rules.keepFailedCode() ? prefix.then(code.code()) : prefix;
                    terminal = errors >= rules.maxConsecutiveErrors() ? TerminalReason.TOO_MANY_CODE_ERRORS : null;
                } else {
                    prefix = prefix.then(code.code());
                }
            }
        }
        if (terminal == null && parent.depth() + 1 >= ctx.settings().maxDepth()) {
            terminal = TerminalReason.TOO_MANY_STEPS;
        }
        int[] tokens = d.tokens;
        if (tokenPrompts && !observation.isEmpty()) {
            int[] shown = tokenizer.encode(observation);
            tokens = Arrays.copyOf(d.tokens, d.tokens.length + shown.length);
            System.arraycopy(shown, 0, tokens, d.tokens.length, shown.length);
        }
        if (terminal == null && tokenPrompts && promptLength + tokens.length > ctx.policy().info().contextLength()) {
            terminal = TerminalReason.CONTEXT_FULL; // the observation pushed the trajectory past the context
        }
        StepContent content = new StepContent(d.step.text(), observation, d.generated, d.prior, run, answer);
        return search.tree.addChild(parent, content, tokens, prefix, errors, terminal);
    }

    private static void count(ProblemSearch search, Usage usage) {
        search.prompts++;
        search.promptTokens += usage.promptTokens();
        search.cachedPromptTokens += usage.cachedPromptTokens();
        search.generatedTokens += usage.completionTokens();
    }
}
