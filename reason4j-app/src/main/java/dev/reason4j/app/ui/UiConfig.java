package dev.reason4j.app.ui;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

/**
 * Where {@code reason4j ui} reads runs and how it listens.
 *
 * <p>Safe by default: it listens on 127.0.0.1; run data (prompts, answers, configurations) is not for the network, so
 * any other address needs {@code allowRemote}.
 *
 * @param runsRoot the directory holding run directories (or one run directory)
 * @param host address to bind
 * @param port TCP port, 0 for any free port
 * @param allowRemote whether a non-loopback {@code host} is allowed
 */
public record UiConfig(Path runsRoot, String host, int port, boolean allowRemote) {

    public UiConfig {
        Objects.requireNonNull(runsRoot, "runsRoot");
        Objects.requireNonNull(host, "host");
        if (!Files.isDirectory(runsRoot)) {
            throw new IllegalArgumentException("runsRoot (--runs) " + runsRoot + " is not a directory");
        }
        if (host.isBlank()) {
            throw new IllegalArgumentException("host must not be blank");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be in [0, 65535], was " + port);
        }
        if (!allowRemote && !loopbackOnly(host)) {
            throw new IllegalArgumentException("refusing to show runs on " + host + ", which other machines can "
                    + "reach: pass --allow-remote to do it anyway, or listen on 127.0.0.1");
        }
    }

    /** 127.0.0.1 on {@code port}. */
    public static UiConfig local(Path runsRoot, int port) {
        return new UiConfig(runsRoot, "127.0.0.1", port, false);
    }

    /** Whether the server only listens where other machines cannot connect. */
    boolean loopback() {
        return loopbackOnly(host);
    }

    private static boolean loopbackOnly(String host) {
        try {
            InetAddress[] all = InetAddress.getAllByName(host);
            return all.length > 0 && Arrays.stream(all).allMatch(InetAddress::isLoopbackAddress);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("host " + host + " cannot be resolved", e);
        }
    }
}
