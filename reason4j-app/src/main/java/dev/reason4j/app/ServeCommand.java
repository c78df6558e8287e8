package dev.reason4j.app;

import dev.reason4j.app.serve.OpenAiServer;
import dev.reason4j.app.serve.ServeConfig;
import dev.reason4j.lm.LanguageModel;
import dev.reason4j.lm.openai.OpenAiLanguageModel;
import dev.reason4j.torch.TorchLanguageModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code reason4j serve --model DIR} (the in-process libtorch engine) or {@code --upstream URL} (another
 * OpenAI-compatible server, relayed with this server's limits and key): an OpenAI-compatible server, as vLLM speaks
 * it, until Ctrl-C or SIGTERM, which drain requests in flight before exiting.
 */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = {
            "Serves a model over the OpenAI API (/v1/completions, /v1/chat/completions, /v1/models, /tokenize,",
            "/detokenize, /health, /metrics). Listens on 127.0.0.1 unless --host says otherwise; any other address",
            "needs an API key (--api-key or REASON4J_API_KEY)."
        })
public final class ServeCommand implements Callable<Integer> {

    static final String API_KEY_ENV = "REASON4J_API_KEY";

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    static final class Source {
        @Option(names = "--model", paramLabel = "DIR",
                description = "A Hugging Face model directory (config.json, safetensors, tokenizer.json) to run in-process.")
        Path model;

        @Option(names = "--upstream", split = ",", paramLabel = "URL",
                description = "Base URL(s) of OpenAI-compatible servers to relay to, e.g. http://gpu1:8000/v1"
                        + " (their key from OPENAI_API_KEY).")
        List<String> upstream;
    }

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", defaultValue = "8000", description = "Port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--served-model-name", paramLabel = "NAME", description = "Model id clients send (default: the model's).")
    String servedModelName;

    @Option(names = "--api-key", paramLabel = "KEY",
            description = "Key clients must send as 'Authorization: Bearer KEY' (default: $" + API_KEY_ENV + ").")
    String apiKey;

    @Option(names = "--max-body-bytes", defaultValue = "4194304", description = "Largest request body (default: ${DEFAULT-VALUE}).")
    long maxBodyBytes;

    @Option(names = "--max-prompt-tokens", defaultValue = "32768", description = "Longest prompt (default: ${DEFAULT-VALUE}).")
    int maxPromptTokens;

    @Option(names = "--max-n", defaultValue = "16", description = "Most completions per prompt (default: ${DEFAULT-VALUE}).")
    int maxN;

    @Option(names = "--max-tokens", defaultValue = "4096", description = "Largest max_tokens (default: ${DEFAULT-VALUE}).")
    int maxTokens;

    @Option(names = "--max-prompts-per-request", defaultValue = "64",
            description = "Most prompts in one completions request (default: ${DEFAULT-VALUE}).")
    int maxPromptsPerRequest;

    @Option(names = "--max-queue", defaultValue = "256",
            description = "Requests waiting for the model before new ones get 503 (default: ${DEFAULT-VALUE}).")
    int maxQueue;

    @Option(names = "--batch-window-ms", defaultValue = "5",
            description = "How long a batch waits for more requests (default: ${DEFAULT-VALUE}).")
    long batchWindowMs;

    @Option(names = "--max-batch-prompts", defaultValue = "64", description = "Most prompts per model call (default: ${DEFAULT-VALUE}).")
    int maxBatchPrompts;

    @Option(names = "--drain-seconds", defaultValue = "30",
            description = "How long shutdown waits for requests in flight (default: ${DEFAULT-VALUE}).")
    long drainSeconds;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        ServeConfig config = config();
        LanguageModel model = source.model != null
                ? TorchLanguageModel.builder().modelDir(existingDirectory(source.model)).build()
                : OpenAiLanguageModel.builder().baseUrls(source.upstream.toArray(String[]::new)).build();
        OpenAiServer server;
        try {
            server = OpenAiServer.start(model, config);
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            model.close();
            stopped.countDown();
        }, "reason4j-serve-shutdown"));
        spec.commandLine().getOut().println("reason4j serve: " + server.servedModelName() + " at " + server.baseUrl()
                + (config.apiKey() == null ? "" : " (API key required)") + "; Ctrl-C stops");
        spec.commandLine().getOut().flush();
        stopped.await();
        return 0;
    }

    private static Path existingDirectory(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("--model " + dir + " is not a directory");
        }
        return dir;
    }

    ServeConfig config() {
        String key = apiKey != null ? apiKey : System.getenv(API_KEY_ENV);
        return new ServeConfig(host, port, servedModelName, key == null || key.isBlank() ? null : key, maxBodyBytes,
                maxPromptTokens, maxN, maxTokens, maxPromptsPerRequest, maxQueue, Duration.ofMillis(batchWindowMs),
                maxBatchPrompts, Duration.ofSeconds(drainSeconds));
    }
}
