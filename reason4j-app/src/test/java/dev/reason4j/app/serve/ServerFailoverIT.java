package dev.reason4j.app.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reason4j.lm.GenerationResult;
import dev.reason4j.lm.LmFixtures;
import dev.reason4j.lm.Prompt;
import dev.reason4j.lm.SamplingParams;
import dev.reason4j.lm.openai.EndpointPool;
import dev.reason4j.lm.openai.OpenAiLanguageModel;
import dev.reason4j.lm.openai.RetryPolicy;
import dev.reason4j.torch.TorchLanguageModel;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A {@code reason4j serve} process is killed (SIGKILL) in the middle of a run: the client retries the requests it
 * lost on the second server and marks the dead one unhealthy; every answer is still the in-process one.
 */
class ServerFailoverIT {

    private static final Pattern SERVING = Pattern.compile("reason4j serve: .* at (http://\\S+/v1)");

    /** Starts {@code reason4j serve --model DIR --port 0} in its own JVM; returns it once it prints its URL. */
    private static Process startServeProcess(String modelDir, String[] url) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse(System.getProperty("java.home") + "/bin/java");
        ProcessBuilder builder = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-Dai.djl.offline=true",
                "-cp", System.getProperty("java.class.path"), "dev.reason4j.app.Reason4j",
                "serve", "--model", modelDir, "--port", "0").redirectErrorStream(true);
        builder.environment().put("OMP_NUM_THREADS", "1");
        Process process = builder.start();
        LinkedBlockingQueue<String> found = new LinkedBlockingQueue<>();
        Thread.ofVirtual().start(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    Matcher m = SERVING.matcher(line);
                    if (m.find()) {
                        found.add(m.group(1));
                    }
                }
            } catch (IOException e) {
                // the process was killed
            }
        });
        url[0] = found.poll(90, TimeUnit.SECONDS);
        if (url[0] == null) {
            process.destroyForcibly();
            throw new IllegalStateException("reason4j serve did not report its URL within 90 s");
        }
        return process;
    }

    @Test
    void should_fail_over_when_a_server_process_is_killed_mid_run() throws Exception {
        String modelDir = LmFixtures.checkpoint(LmFixtures.QWEN2_F32).toString();
        String[] remote = new String[1];
        Process doomed = startServeProcess(modelDir, remote);
        try (TorchLanguageModel local = ServeTestSupport.model(LmFixtures.QWEN2_F32);
                OpenAiServer survivor = OpenAiServer.start(local, ServeTestSupport.config());
                OpenAiLanguageModel client = OpenAiLanguageModel.builder()
                        .endpointPool(EndpointPool.of(remote[0], survivor.baseUrl()))
                        .retry(new RetryPolicy(6, Duration.ofMillis(50), Duration.ofSeconds(1), 2, 0.2))
                        .apiKey(null)
                        .maxConcurrency(8)
                        .build()) {
            List<Prompt> prompts = IntStream.range(0, 120).mapToObj(i -> Prompt.text("Step " + i + ": total = " + (3 * i))).toList();
            SamplingParams params = SamplingParams.builder().temperature(0).maxTokens(48).ignoreEos(true).build();
            List<GenerationResult> expected = local.generate(prompts, params);

            CompletableFuture<List<GenerationResult>> run = CompletableFuture.supplyAsync(() -> client.generate(prompts, params));
            EndpointPool pool = client.endpointPool();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (pool.status().get(0).requests() < 10 && System.nanoTime() < deadline) {
                Thread.sleep(2);
            }
            long before = pool.status().get(0).requests();
            doomed.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            List<GenerationResult> results = run.get(120, TimeUnit.SECONDS);

            for (int i = 0; i < prompts.size(); i++) {
                assertThat(results.get(i).first().tokenIds()).as("prompt %d", i).isEqualTo(expected.get(i).first().tokenIds());
            }
            EndpointPool.EndpointStatus dead = pool.status().get(0);
            EndpointPool.EndpointStatus alive = pool.status().get(1);
            assertThat(before).as("the killed server had taken part").isGreaterThanOrEqualTo(10);
            assertThat(dead.failures()).as("requests lost with the killed server").isGreaterThanOrEqualTo(1);
            assertThat(dead.healthy()).isFalse();
            assertThat(alive.failures()).isZero();
            System.out.printf("failover: killed server took %d requests (%d failed), survivor %d; all %d answers correct%n",
                    dead.requests(), dead.failures(), alive.requests(), prompts.size());
        } finally {
            doomed.destroyForcibly();
        }
    }
}
