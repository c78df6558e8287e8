package dev.reason4j.app.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reason4j.lm.GenerationResult;
import dev.reason4j.lm.LmFixtures;
import dev.reason4j.lm.Prompt;
import dev.reason4j.lm.SamplingParams;
import dev.reason4j.lm.openai.OpenAiLanguageModel;
import dev.reason4j.torch.TorchLanguageModel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** 200 requests at once against one server: no error, and each answer is the one the engine gives in-process. */
class ConcurrentRequestsIT {

    @Test
    void should_answer_200_concurrent_requests_correctly() {
        try (TorchLanguageModel local = ServeTestSupport.model(LmFixtures.QWEN2_F32);
                OpenAiServer server = OpenAiServer.start(local, ServeTestSupport.config());
                OpenAiLanguageModel client = OpenAiLanguageModel.builder().baseUrls(server.baseUrl()).apiKey(null)
                        .maxConcurrency(200).build()) {
            List<Prompt> distinct = IntStream.range(0, 20).mapToObj(i -> Prompt.text("Problem " + i + ": " + i + " + " + (i * 7) + " =")).toList();
            SamplingParams greedy = SamplingParams.builder().temperature(0).maxTokens(8).logprobs(true).build();
            SamplingParams sampled = SamplingParams.builder().temperature(0.8).n(2).seed(5).maxTokens(8).build();
            List<GenerationResult> expectedGreedy = distinct.stream().map(p -> local.generate(p, greedy)).toList();
            List<GenerationResult> expectedSampled = distinct.stream().map(p -> local.generate(p, sampled)).toList();
            List<Prompt> greedyPrompts = new ArrayList<>();
            IntStream.range(0, 160).forEach(i -> greedyPrompts.add(distinct.get(i % 20)));
            List<Prompt> sampledPrompts = new ArrayList<>();
            IntStream.range(0, 40).forEach(i -> sampledPrompts.add(distinct.get(i % 20)));
            long start = System.nanoTime();

            CompletableFuture<List<GenerationResult>> greedyRun = CompletableFuture.supplyAsync(() -> client.generate(greedyPrompts, greedy));
            CompletableFuture<List<GenerationResult>> sampledRun = CompletableFuture.supplyAsync(() -> client.generate(sampledPrompts, sampled));
            List<GenerationResult> greedyResults = greedyRun.join();
            List<GenerationResult> sampledResults = sampledRun.join();

            double seconds = (System.nanoTime() - start) / 1e9;
            for (int i = 0; i < 160; i++) {
                GenerationResult expected = expectedGreedy.get(i % 20);
                GenerationResult actual = greedyResults.get(i);
                assertThat(actual.first().tokenIds()).as("greedy request %d", i).isEqualTo(expected.first().tokenIds());
                assertThat(actual.first().text()).isEqualTo(expected.first().text());
                for (int t = 0; t < expected.first().logprobs().size(); t++) {
                    assertThat(actual.first().logprobs().get(t).logprob())
                            .isCloseTo(expected.first().logprobs().get(t).logprob(), org.assertj.core.api.Assertions.within(1e-4));
                }
            }
            for (int i = 0; i < 40; i++) {
                GenerationResult expected = expectedSampled.get(i % 20);
                for (int s = 0; s < 2; s++) {
                    assertThat(sampledResults.get(i).completions().get(s).tokenIds()).as("sampled request %d, sample %d", i, s)
                            .isEqualTo(expected.completions().get(s).tokenIds());
                }
            }
            String metrics = ServeTestSupport.get(ServeTestSupport.root(server) + "/metrics").body();
            assertThat(metrics).contains("reason4j_requests_total{endpoint=\"/v1/completions\",status=\"200\"} 200");
            assertThat(metrics).doesNotContainPattern("status=\"[45]\\d\\d\"");
            System.out.printf("200 concurrent requests in %.2f s; %s; %s%n", seconds,
                    metrics.lines().filter(l -> l.startsWith("reason4j_model_calls_total")).findFirst().orElseThrow(),
                    metrics.lines().filter(l -> l.startsWith("reason4j_largest_batch_prompts")).findFirst().orElseThrow());
        }
    }
}
