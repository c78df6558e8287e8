package dev.reason4j.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reason4j.core.dataset.Problem;
import dev.reason4j.core.grading.MathGrader;
import dev.reason4j.core.grading.Verdict;
import dev.reason4j.search.AnswerCluster;
import dev.reason4j.search.SearchJson;
import dev.reason4j.search.SearchResult;
import dev.reason4j.search.SearchStrategy;
import dev.reason4j.search.SearchUsage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code reason4j solve --model DIR --strategy mcts --question "…"}: one question through one search strategy;
 * prints the answer, the answers found with their votes and scores, what the search cost, and the chosen solution.
 */
@Command(
        name = "solve",
        mixinStandardHelpOptions = true,
        description = {
            "Solve one question with a search strategy.",
            "  reason4j solve --model DIR --strategy mcts --question 'What is 17 * 23?'",
            "  reason4j solve --model DIR --protocol cot --strategy maj --samples 16 --question '…' --gold 391"
        })
public final class SolveCommand implements Callable<Integer> {

    @Option(names = "--question", required = true, paramLabel = "TEXT", description = "The problem.")
    String question;

    @Option(names = "--gold", paramLabel = "ANSWER", description = "The gold answer: grades the result (and feeds --reward oracle).")
    String gold;

    @Option(names = "--strategy", defaultValue = "mcts",
            description = "greedy, maj, bon, beam, mcts or adaptive (default: ${DEFAULT-VALUE}).")
    String strategy;

    @Option(names = "--tree", paramLabel = "FILE", description = "Write the search tree as JSON to FILE.")
    Path tree;

    @Option(names = "--json", description = "Print the result (tree included) as JSON.")
    boolean json;

    @Mixin
    SearchSetup setup;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (setup.reward == SearchSetup.Reward.oracle && gold == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--reward oracle grades against --gold: give it");
        }
        MathGrader grader = MathGrader.withDefaults();
        SearchStrategy chosen = setup.strategy(strategy);
        Problem problem = new Problem("question", question, gold == null ? "" : gold);
        SearchResult result;
        try (SearchSession session = setup.open(grader)) {
            result = chosen.solve(session.context, problem, setup.seed);
        }
        ObjectMapper mapper = new ObjectMapper();
        if (tree != null) {
            mapper.writerWithDefaultPrettyPrinter().writeValue(tree.toFile(), SearchJson.tree(result.tree(), mapper));
        }
        PrintWriter out = spec.commandLine().getOut();
        Verdict verdict = gold == null || result.answer() == null ? null : grader.grade(gold, result.answer());
        if (json) {
            ObjectNode o = SearchJson.result(result, true, mapper);
            if (gold != null) {
                o.put("gold", gold).put("correct", verdict != null && verdict.equal());
            }
            out.println(mapper.writeValueAsString(o));
        } else {
            print(out, result, verdict);
        }
        out.flush();
        return 0;
    }

    private void print(PrintWriter out, SearchResult r, Verdict verdict) {
        SearchUsage u = r.usage();
        out.printf("answer     %s%s%n", r.answer() == null ? "(none: no trajectory ended with an answer)" : r.answer(),
                verdict == null ? "" : verdict.equal() ? "   (correct)" : "   (wrong: gold " + gold + ")");
        out.printf(Locale.ROOT, "strategy   %s: %d %s, %d nodes%n", r.strategy(), u.rollouts(),
                r.strategy().contains("mcts") ? "rollouts" : "trajectories", u.nodes());
        StringBuilder answers = new StringBuilder();
        for (AnswerCluster c : r.answers()) {
            answers.append(answers.isEmpty() ? "" : ", ").append(c.answer()).append(" ×").append(c.votes());
            if (!Double.isNaN(c.bestScore())) {
                answers.append(String.format(Locale.ROOT, " (best %.3f)", c.bestScore()));
            }
        }
        out.printf("answers    %s%n", answers.isEmpty() ? "none" : answers);
        out.printf(Locale.ROOT, "tokens     %,d generated, %,d prompt (%.1f%% from the prefix cache)%n",
                u.generatedTokens(), u.promptTokens(), 100 * u.cachedShare());
        out.printf(Locale.ROOT, "work       %,d code steps run (%,d failed), %,d reward requests, %.1f s%n",
                u.codeExecutions(), u.codeFailures(), u.rewardRequests(), u.wallMillis() / 1000.0);
        if (r.answer() != null) {
            out.println();
            out.println(r.response());
        }
    }
}
