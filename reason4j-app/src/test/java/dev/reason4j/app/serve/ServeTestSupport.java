package dev.reason4j.app.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reason4j.lm.LmFixtures;
import dev.reason4j.lm.openai.internal.Wire;
import dev.reason4j.torch.TorchLanguageModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Fixture models, a chat-template copy of one, and a raw HTTP client for the serve tests. */
final class ServeTestSupport {

    /** ChatML, as Qwen2 instruct models write it. */
    static final String CHATML = "{% for message in messages %}{{ '<|im_start|>' + message['role'] + '\\n' + "
            + "message['content'] + '<|im_end|>' + '\\n' }}{% endfor %}"
            + "{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}";

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private ServeTestSupport() {}

    static TorchLanguageModel model(String fixture) {
        return TorchLanguageModel.builder().modelDir(LmFixtures.checkpoint(fixture)).build();
    }

    /** A copy of the qwen2 f32 fixture whose tokenizer_config.json has a ChatML template. */
    static Path chatModelDir(Path target) throws IOException {
        Path source = LmFixtures.checkpoint(LmFixtures.QWEN2_F32);
        Files.createDirectories(target);
        for (String file : List.of("config.json", "generation_config.json", "model.safetensors", "tokenizer.json")) {
            Files.copy(source.resolve(file), target.resolve(file));
        }
        ObjectNode config = (ObjectNode) Wire.MAPPER.readTree(source.resolve("tokenizer_config.json").toFile());
        config.put("chat_template", CHATML);
        Wire.MAPPER.writeValue(target.resolve("tokenizer_config.json").toFile(), config);
        return target;
    }

    /** A server on a free port of 127.0.0.1. */
    static ServeConfig config() {
        return ServeConfig.defaults().withPort(0);
    }

    /** {@code http://127.0.0.1:port} for a base URL ending in /v1. */
    static String root(OpenAiServer server) {
        return server.baseUrl().substring(0, server.baseUrl().length() - 3);
    }

    static HttpResponse<String> get(String url, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET(), headers);
    }

    static HttpResponse<String> post(String url, String body, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json"), headers);
    }

    static HttpResponse<String> send(HttpRequest.Builder request, String... headers) {
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return Wire.MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + response.body(), e);
        }
    }
}
