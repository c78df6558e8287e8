package dev.reason4j.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reason4j.core.dataset.Problem;
import dev.reason4j.core.grading.MathGrader;
import dev.reason4j.lm.reward.OracleRewardModel;
import dev.reason4j.search.protocol.CotStepProtocol;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Trees and results as JSON: every node with its text, tokens, statistics and end. */
class SearchJsonTest {

    @Test
    void should_write_every_node_with_its_statistics() throws Exception {
        ScriptedModel model = new ScriptedModel(prompt -> prompt.endsWith("a\n\n")
                ? List.of("\\boxed{5}\n\n", "\\boxed{6}\n\n") : List.of("a\n\n", "dead<eos>"), false);
        MathGrader grader = MathGrader.withDefaults();
        SearchContext ctx = SearchContext.builder().policy(model).protocol(new CotStepProtocol(grader.extractor(), true))
                .reward(new OracleRewardModel(grader)).build();
        SearchResult r = new RStarMcts(MctsOptions.builder().candidates(2).rollouts(1).build())
                .solve(ctx, new Problem("p1", "What is 2+3?", "5"), 1);
        ObjectMapper mapper = new ObjectMapper();

        JsonNode json = mapper.readTree(mapper.writeValueAsString(SearchJson.result(r, true, mapper)));

        assertThat(json.path("problem_id").asText()).isEqualTo("p1");
        assertThat(json.path("strategy").asText()).isEqualTo("mcts");
        assertThat(json.path("answer").asText()).isEqualTo("5");
        assertThat(json.path("usage").path("generated_tokens").asLong()).isEqualTo(r.usage().generatedTokens());
        JsonNode nodes = json.path("tree").path("nodes");
        assertThat(nodes).hasSize(5);
        assertThat(nodes.get(0).has("parent")).isFalse();
        assertThat(nodes.get(1).path("text").asText()).isEqualTo("a\n\n");
        assertThat(nodes.get(1).path("N").asInt()).isEqualTo(2);
        assertThat(nodes.get(1).path("Q").asDouble()).isZero();
        assertThat(nodes.get(2).path("terminal").asText()).isEqualTo("no_answer");
        assertThat(nodes.get(2).path("reward").asDouble()).isEqualTo(-1);
        assertThat(nodes.get(3).path("parent").asInt()).isEqualTo(1);
        assertThat(nodes.get(3).path("answer").asText()).isEqualTo("5");
        assertThat(nodes.get(3).path("tokens").asInt()).isEqualTo("\\boxed{5}\n\n".length());
        assertThat(nodes.get(3).has("prior")).as("the scripted model reports no log-probabilities").isFalse();
        assertThat(json.path("answers").get(0).path("nodes").get(0).asInt()).isEqualTo(3);
    }
}
