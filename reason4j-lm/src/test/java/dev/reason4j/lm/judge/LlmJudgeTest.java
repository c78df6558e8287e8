package dev.reason4j.lm.judge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reason4j.core.grading.MathGrader;
import dev.reason4j.core.metrics.split.CandidateSolution;
import dev.reason4j.core.metrics.split.HeuristicSolutionClusterer;
import dev.reason4j.core.metrics.split.RuleBasedSolutionSplitter;
import dev.reason4j.core.metrics.split.SplitRules;
import dev.reason4j.lm.Completion;
import dev.reason4j.lm.ContinuationScore;
import dev.reason4j.lm.FinishReason;
import dev.reason4j.lm.GenerationResult;
import dev.reason4j.lm.LanguageModel;
import dev.reason4j.lm.LanguageModelException;
import dev.reason4j.lm.ModelInfo;
import dev.reason4j.lm.Prompt;
import dev.reason4j.lm.SamplingParams;
import dev.reason4j.lm.ScoreRequest;
import dev.reason4j.lm.Usage;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class LlmJudgeTest {

    private static final String PROBLEM = "What is 2+3?";
    private static final String RESPONSE = String.join("\n\n",
            "2 plus 3: count up from 2.",                         // 1: attempt 1 …
            "That gives 5. So the answer is 5.",                 // 2
            "Let me verify with fingers.",                       // 3: attempt 2, reaches no answer
            "Hmm, I lost count.",                                // 4
            "Another way: 3 + 2 = 5, so the answer is 5.",      // 5: attempt 3
            "I am confident.");                                  // 6

    private final RuleBasedSolutionSplitter rules =
            new RuleBasedSolutionSplitter(SplitRules.defaults(), MathGrader.withDefaults().extractor());

    /** A language model that answers each prompt with a function of its text: the judge's side of the test. */
    static final class ReplyingModel extends LanguageModel {
        final Function<String, String> replies;
        final Set<ModelInfo.Capability> capabilities;
        final List<Prompt> prompts = new ArrayList<>();

        ReplyingModel(Set<ModelInfo.Capability> capabilities, Function<String, String> replies) {
            super(SamplingParams.defaults());
            this.capabilities = capabilities;
            this.replies = replies;
        }

        @Override
        public ModelInfo info() {
            return new ModelInfo("judge", 8192, 0, capabilities);
        }

        @Override
        protected List<GenerationResult> doGenerate(List<Prompt> batch, SamplingParams params) {
            prompts.addAll(batch);
            return batch.stream().map(p -> {
                String text = p instanceof Prompt.Chat c ? c.messages().getLast().content() : ((Prompt.Text) p).text();
                String reply = replies.apply(text);
                return new GenerationResult(List.of(1), List.of(new Completion(0, List.of(2), reply, List.of(),
                        List.of(), FinishReason.STOP, null)), new Usage(1, 0, 1));
            }).toList();
        }

        @Override
        protected List<ContinuationScore> doScore(List<ScoreRequest> requests) {
            throw new UnsupportedOperationException();
        }
    }

    private static Function<String, String> script(String starts, String answers) {
        return prompt -> prompt.contains("BEGIN a new attempt") ? "The new attempts start at " + starts + "."
                : prompt.contains("arrives at a final answer") ? "```json\n" + answers + "\n```" : "?";
    }

    @Test
    void should_segment_check_answers_and_merge_unfinished_attempts() {
        ReplyingModel model = new ReplyingModel(Set.of(ModelInfo.Capability.CHAT), script("[3, 5]",
                "[{\"attempt\": 1, \"answer\": \"5\"}, {\"attempt\": 2, \"answer\": null}, {\"attempt\": 3, \"answer\": \"5\"}]"));
        LlmJudgeSolutionSplitter splitter = new LlmJudgeSolutionSplitter(Judge.of(model), rules);

        List<String> rounds = splitter.split(PROBLEM, RESPONSE);

        assertThat(rounds).hasSize(2);
        assertThat(String.join("", rounds)).isEqualTo(RESPONSE);
        assertThat(rounds.get(0)).startsWith("2 plus 3").endsWith("the answer is 5.\n\n");
        assertThat(rounds.get(1)).startsWith("Let me verify").endsWith("I am confident.");
        assertThat(splitter.judge().calls()).isEqualTo(2);
        assertThat(splitter.judge().unreadableReplies()).isZero();
        assertThat(model.prompts).allMatch(p -> p instanceof Prompt.Chat);
        assertThat(splitter.name()).isEqualTo("llm:judge");
    }

    @Test
    void should_join_trailing_unfinished_attempts_to_the_last_finished_one() {
        ReplyingModel model = new ReplyingModel(Set.of(), script("[1, 3, 6]",
                "[{\"answer\": \"5\"}, {\"answer\": \"5\"}, {\"answer\": \"\"}]"));
        List<String> rounds = new LlmJudgeSolutionSplitter(Judge.of(model), rules).split(PROBLEM, RESPONSE);

        assertThat(rounds).hasSize(2);
        assertThat(rounds.get(1)).startsWith("Let me verify").endsWith("I am confident.");
        assertThat(model.prompts).hasSize(2).allMatch(p -> p instanceof Prompt.Text);
        assertThat(((Prompt.Text) model.prompts.get(0)).text()).contains("[6] I am confident.").contains(PROBLEM);
    }

    @Test
    void should_fall_back_to_the_rules_when_a_reply_cannot_be_read() {
        for (Function<String, String> bad : List.of(script("none", "[]"), script("[0, 2]", "[]"), script("[9]", "[]"),
                script("[3]", "[{\"attempt\": 1}]"), script("[3]", "[{\"answer\": \"5\"}]"))) {
            LlmJudgeSolutionSplitter splitter =
                    new LlmJudgeSolutionSplitter(Judge.of(new ReplyingModel(Set.of(), bad)), rules);

            assertThat(splitter.split(PROBLEM, RESPONSE)).isEqualTo(rules.split(PROBLEM, RESPONSE));
            assertThat(splitter.judge().unreadableReplies()).isEqualTo(1);
        }
    }

    @Test
    void should_fall_back_when_the_model_refuses() {
        Judge judge = Judge.of(new ReplyingModel(Set.of(), p -> {
            throw new LanguageModelException("prompt has 9000 tokens, but the context holds 8192");
        }));
        LlmJudgeSolutionSplitter splitter = new LlmJudgeSolutionSplitter(judge, rules);

        assertThat(splitter.split(PROBLEM, RESPONSE)).isEqualTo(rules.split(PROBLEM, RESPONSE));
        assertThat(judge.failedCalls()).isEqualTo(1);
        assertThat(judge.unreadableReplies()).isEqualTo(1);
        assertThat(judge.firstFailure()).hasValue("prompt has 9000 tokens, but the context holds 8192");
    }

    @Test
    void should_not_ask_about_a_single_paragraph_or_a_blank_response() {
        ReplyingModel model = new ReplyingModel(Set.of(), p -> "[1]");
        LlmJudgeSolutionSplitter splitter = new LlmJudgeSolutionSplitter(Judge.of(model), rules);

        assertThat(splitter.split(PROBLEM, "The answer is 5.")).containsExactly("The answer is 5.");
        assertThat(splitter.split(PROBLEM, "  \n")).isEmpty();
        assertThat(model.prompts).isEmpty();
    }

    @Test
    void should_number_clusters_by_first_appearance_and_fall_back_on_a_wrong_length() {
        List<CandidateSolution> solutions = List.of(new CandidateSolution("count up: 5", "5", -1),
                new CandidateSolution("count again: 5", "5", 0), new CandidateSolution("3 + 2 = 5", "5", 0),
                new CandidateSolution("by sets: 6", "6", -1));
        LlmJudgeSolutionClusterer clusterer = new LlmJudgeSolutionClusterer(
                Judge.of(new ReplyingModel(Set.of(), p -> "Groups: [\"B\", \"B\", \"A\", \"C\"]")),
                new HeuristicSolutionClusterer());

        assertThat(clusterer.clusters(PROBLEM, solutions)).containsExactly(0, 0, 1, 2);

        HeuristicSolutionClusterer heuristic = new HeuristicSolutionClusterer();
        Judge shortReply = Judge.of(new ReplyingModel(Set.of(), p -> "[1, 1]"));
        assertThat(new LlmJudgeSolutionClusterer(shortReply, heuristic).clusters(PROBLEM, solutions))
                .containsExactly(heuristic.clusters(PROBLEM, solutions));
        assertThat(shortReply.unreadableReplies()).isEqualTo(1);
        assertThat(new LlmJudgeSolutionClusterer(shortReply, heuristic).clusters(PROBLEM, solutions.subList(0, 1)))
                .containsExactly(0);
        assertThat(shortReply.calls()).isEqualTo(1);
    }
}
