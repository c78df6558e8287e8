package dev.reason4j.spark;

import dev.reason4j.app.serve.OpenAiServer;
import dev.reason4j.app.serve.ServeConfig;
import dev.reason4j.lm.LmFixtures;
import dev.reason4j.torch.EngineOptions;
import dev.reason4j.torch.TorchLanguageModel;
import java.time.Duration;

/**
 * {@code reason4j serve} on a free port of 127.0.0.1 with the tiny Qwen2 fixture. Each request runs alone, with no
 * prefix cache: a request's tokens then do not depend on what else the server was doing, so two clients that send
 * the same requests (eval, and a Spark job's concurrent tasks) get the same answers to the last bit.
 */
final class LoopbackServer implements AutoCloseable {

    private final TorchLanguageModel model;
    private final OpenAiServer server;

    private LoopbackServer(TorchLanguageModel model, OpenAiServer server) {
        this.model = model;
        this.server = server;
    }

    static LoopbackServer start() {
        TorchLanguageModel model = TorchLanguageModel.builder()
                .modelDir(LmFixtures.checkpoint(LmFixtures.QWEN2_F32))
                .options(EngineOptions.builder().threads(1).prefixCacheBytes(0).build())
                .build();
        try {
            return new LoopbackServer(model, OpenAiServer.start(model,
                    ServeConfig.defaults().withPort(0).withBatching(256, Duration.ZERO, 1)));
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    String baseUrl() {
        return server.baseUrl();
    }

    @Override
    public void close() {
        try {
            server.close();
        } finally {
            model.close();
        }
    }
}
