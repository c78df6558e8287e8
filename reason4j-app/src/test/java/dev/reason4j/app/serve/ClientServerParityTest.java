package dev.reason4j.app.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reason4j.lm.ChatMessage;
import dev.reason4j.lm.Completion;
import dev.reason4j.lm.ContinuationScore;
import dev.reason4j.lm.GenerationResult;
import dev.reason4j.lm.LanguageModel;
import dev.reason4j.lm.LmFixtures;
import dev.reason4j.lm.Prompt;
import dev.reason4j.lm.SamplingParams;
import dev.reason4j.lm.ScoreRequest;
import dev.reason4j.lm.TokenLogprob;
import dev.reason4j.lm.openai.OpenAiLanguageModel;
import dev.reason4j.torch.TorchLanguageModel;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The client against our own server at temperature 0 yields the same tokens and log-probabilities (within 1e-4) as
 * the same engine in-process, on each fixture checkpoint; so do seeded samples, scores and chats.
 */
class ClientServerParityTest {

    private static final double TOLERANCE = 1e-4;

    private static final List<Prompt> PROMPTS = List.of(
            Prompt.text("Tom has 3 apples and buys 4 boxes"),
            Prompt.text("<|im_start|>user\nWhat is 2+3?<|im_end|>\n<|im_start|>assistant\n"),
            Prompt.text("# compute the total cost\ncost = 7 + 5\n<end_of_step>"),
            Prompt.tokens(20, 21, 22, 23, 24));

    /** Largest |logprob difference| seen, over tokens and alternatives. */
    private static double compare(GenerationResult local, GenerationResult remote) {
        assertThat(remote.completions()).hasSameSizeAs(local.completions());
        assertThat(remote.promptTokenIds()).isEqualTo(local.promptTokenIds());
        assertThat(remote.usage().promptTokens()).isEqualTo(local.usage().promptTokens());
        assertThat(remote.usage().completionTokens()).isEqualTo(local.usage().completionTokens());
        double worst = 0;
        for (int i = 0; i < local.completions().size(); i++) {
            Completion l = local.completions().get(i);
            Completion r = remote.completions().get(i);
            assertThat(r.tokenIds()).isEqualTo(l.tokenIds());
            assertThat(r.text()).isEqualTo(l.text());
            assertThat(r.finishReason()).isEqualTo(l.finishReason());
            assertThat(r.logprobs()).hasSameSizeAs(l.logprobs());
            assertThat(r.topLogprobs()).hasSameSizeAs(l.topLogprobs());
            for (int t = 0; t < l.logprobs().size(); t++) {
                worst = Math.max(worst, compare(l.logprobs().get(t), r.logprobs().get(t)));
                if (l.topLogprobs().isEmpty()) {
                    continue;
                }
                List<TokenLogprob> lTop = l.topLogprobs().get(t);
                List<TokenLogprob> rTop = r.topLogprobs().get(t);
                assertThat(rTop).hasSameSizeAs(lTop);
                for (int k = 0; k < lTop.size(); k++) {
                    worst = Math.max(worst, compare(lTop.get(k), rTop.get(k)));
                }
            }
        }
        return worst;
    }

    private static double compare(TokenLogprob local, TokenLogprob remote) {
        assertThat(remote.tokenId()).isEqualTo(local.tokenId());
        assertThat(remote.token()).isEqualTo(local.token());
        double diff = Math.abs(remote.logprob() - local.logprob());
        assertThat(diff).as("logprob of token %d", local.tokenId()).isLessThanOrEqualTo(TOLERANCE);
        return diff;
    }

    @ParameterizedTest
    @ValueSource(strings = {LmFixtures.QWEN2_F32, LmFixtures.QWEN2_BF16, LmFixtures.LLAMA_F32})
    void should_match_in_process_generation_and_scoring(String fixture) {
        try (TorchLanguageModel local = ServeTestSupport.model(fixture);
                OpenAiServer server = OpenAiServer.start(local, ServeTestSupport.config());
                OpenAiLanguageModel client = OpenAiLanguageModel.builder().baseUrls(server.baseUrl()).apiKey(null).build()) {
            SamplingParams greedy = SamplingParams.builder().temperature(0).maxTokens(16).topLogprobs(5).build();
            List<GenerationResult> expected = local.generate(PROMPTS, greedy);

            List<GenerationResult> actual = client.generate(PROMPTS, greedy);

            double worst = 0;
            for (int p = 0; p < PROMPTS.size(); p++) {
                worst = Math.max(worst, compare(expected.get(p), actual.get(p)));
            }
            SamplingParams sampled = SamplingParams.builder().temperature(0.9).topP(0.95).n(3).maxTokens(12).seed(11)
                    .logprobs(true).build();
            worst = Math.max(worst, compare(local.generate(PROMPTS.get(0), sampled), client.generate(PROMPTS.get(0), sampled)));

            List<ScoreRequest> scores = List.of(
                    new ScoreRequest(Prompt.text("Tom has 3 apples"), Prompt.text(" and buys 4 boxes")),
                    new ScoreRequest(Prompt.tokens(20, 21), Prompt.tokens(22, 23, 24, 25)));
            List<ContinuationScore> localScores = local.score(scores);
            List<ContinuationScore> remoteScores = client.score(scores);
            for (int i = 0; i < scores.size(); i++) {
                assertThat(remoteScores.get(i).promptTokenIds()).isEqualTo(localScores.get(i).promptTokenIds());
                assertThat(remoteScores.get(i).continuationTokenIds()).isEqualTo(localScores.get(i).continuationTokenIds());
                for (int t = 0; t < localScores.get(i).logprobs().size(); t++) {
                    double diff = Math.abs(remoteScores.get(i).logprobs().get(t) - localScores.get(i).logprobs().get(t));
                    assertThat(diff).isLessThanOrEqualTo(TOLERANCE);
                    worst = Math.max(worst, diff);
                }
            }
            assertThat(client.info().contextLength()).isEqualTo(local.info().contextLength());
            System.out.printf(Locale.ROOT, "parity %s: max |Δlogprob| = %.3g over generation, samples and scores%n", fixture, worst);
        }
    }

    @Test
    void should_relay_through_a_server_in_front_of_another_server() {
        try (TorchLanguageModel local = ServeTestSupport.model(LmFixtures.QWEN2_F32);
                OpenAiServer backend = OpenAiServer.start(local, ServeTestSupport.config());
                OpenAiLanguageModel upstream = OpenAiLanguageModel.builder().baseUrls(backend.baseUrl()).apiKey(null).build();
                OpenAiServer relay = OpenAiServer.start(upstream, ServeTestSupport.config().withApiKey("relay-key"));
                OpenAiLanguageModel client = OpenAiLanguageModel.builder().baseUrls(relay.baseUrl()).apiKey("relay-key")
                        .tokenizer(local.tokenizer().orElseThrow()).build()) {
            // a relay has no tokenizer of its own, so /detokenize is not there: the client decodes token texts itself
            SamplingParams greedy = SamplingParams.builder().temperature(0).maxTokens(8).topLogprobs(3).build();

            double worst = compare(local.generate(PROMPTS.get(0), greedy), client.generate(PROMPTS.get(0), greedy));

            assertThat(worst).isLessThanOrEqualTo(TOLERANCE);
            assertThat(client.info().contextLength()).isEqualTo(512);
        }
    }

    @Test
    void should_match_in_process_chat_and_decode_token_text_with_a_local_tokenizer(@TempDir Path tmp) throws Exception {
        try (TorchLanguageModel local = TorchLanguageModel.builder().modelDir(ServeTestSupport.chatModelDir(tmp.resolve("chat"))).build();
                OpenAiServer server = OpenAiServer.start(local, ServeTestSupport.config());
                LanguageModel client = OpenAiLanguageModel.builder().baseUrls(server.baseUrl()).apiKey(null)
                        .tokenizer(local.tokenizer().orElseThrow()).build()) {
            Prompt chat = Prompt.chat(ChatMessage.system("You are terse."), ChatMessage.user("What is 2+3?"));
            SamplingParams params = SamplingParams.builder().temperature(0).maxTokens(10).topLogprobs(2).build();

            double worst = compare(local.generate(chat, params), client.generate(chat, params));

            ContinuationScore localScore = local.score(chat, Prompt.text("5"));
            ContinuationScore remoteScore = client.score(chat, Prompt.text("5"));
            assertThat(remoteScore.continuationTokenIds()).isEqualTo(localScore.continuationTokenIds());
            assertThat(Math.abs(remoteScore.sum() - localScore.sum())).isLessThanOrEqualTo(TOLERANCE);
            assertThat(worst).isLessThanOrEqualTo(TOLERANCE);
        }
    }
}
