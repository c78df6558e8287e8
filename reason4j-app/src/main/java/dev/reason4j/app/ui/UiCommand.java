package dev.reason4j.app.ui;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code reason4j ui --runs DIR}: the browser UI over the runs under DIR, until Ctrl-C. */
@Command(
        name = "ui",
        mixinStandardHelpOptions = true,
        description = {
            "Browser UI over run directories: runs and their configurations side by side, accuracy against tokens,",
            "pass@k and maj@k, every trajectory of a problem, search trees, solution rounds of long responses,",
            "training curves. Listens on 127.0.0.1; nothing is fetched from the internet.",
            "  reason4j ui --runs runs/          then open the address it prints"
        })
public final class UiCommand implements Callable<Integer> {

    @Option(names = "--runs", required = true, paramLabel = "DIR",
            description = "Folder holding run directories (searched 4 levels deep), or one run directory.")
    Path runs;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", defaultValue = "8765", description = "Port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--allow-remote",
            description = "Allow a --host other machines can reach; anyone who can connect sees the runs.")
    boolean allowRemote;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        UiServer server = UiServer.start(new UiConfig(runs, host, port, allowRemote));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "reason4j-ui-shutdown"));
        spec.commandLine().getOut().println("reason4j ui: open " + server.url() + " (runs in " + runs + "); Ctrl-C stops");
        spec.commandLine().getOut().flush();
        stopped.await();
        return 0;
    }
}
