package dev.reason4j.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reason4j.exec.ExecException;
import dev.reason4j.exec.ExecLimits;
import dev.reason4j.exec.ExecRequest;
import dev.reason4j.exec.ExecResult;
import dev.reason4j.exec.ModuleAllowList;
import dev.reason4j.exec.PythonPoolConfig;
import dev.reason4j.exec.PythonWorkerPool;
import dev.reason4j.exec.SandboxMode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code reason4j exec --file SNIPPET.py}: runs one snippet through the Python sandbox, so the sandbox can be
 * probed from the command line. Exit code 0 when the snippet ran to its end, 1 otherwise, 2 for usage errors.
 */
@Command(
        name = "exec",
        mixinStandardHelpOptions = true,
        description = "Runs one Python snippet in the sandbox and prints its status, output and error.")
public final class ExecCommand implements Callable<Integer> {

    @Option(names = "--file", required = true, paramLabel = "SNIPPET.py", description = "The Python file to run.")
    Path file;

    @Option(names = "--timeout", defaultValue = "10", paramLabel = "S",
            description = "Wall-clock limit in seconds; the CPU limit follows it (default: ${DEFAULT-VALUE}).")
    double timeoutSeconds;

    @Option(names = "--json", description = "Print the result as one JSON object (status, stdout, error, ...).")
    boolean json;

    @Option(names = "--memory-mb", defaultValue = "1024", description = "Address-space limit (default: ${DEFAULT-VALUE}).")
    long memoryMb;

    @Option(names = "--max-output", defaultValue = "1024",
            description = "Output characters kept, head and tail (default: ${DEFAULT-VALUE}).")
    int maxOutput;

    @Option(names = "--sandbox", defaultValue = "auto", paramLabel = "MODE",
            description = "auto, bubblewrap or process (default: ${DEFAULT-VALUE}).")
    String sandbox;

    @Option(names = "--allow-modules", paramLabel = "LIST",
            description = "Comma-separated modules the snippet may import, @math for the math toolbox, or * (default).")
    String allowModules;

    @Option(names = "--python", defaultValue = "python3", description = "Python command (default: ${DEFAULT-VALUE}).")
    String python;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        String code = readSnippet(file);
        ExecLimits limits = ExecLimits.DEFAULT
                .withTimeout(Duration.ofMillis(Math.round(timeoutSeconds * 1000)))
                .withMemoryBytes(memoryMb << 20)
                .withMaxOutputChars(maxOutput);
        PythonPoolConfig config = PythonPoolConfig.defaults()
                .withWorkers(1)
                .withLimits(limits)
                .withSandbox(parseMode(sandbox))
                .withAllowList(parseAllowList(allowModules))
                .withPython(python);
        ExecResult result;
        String mode;
        try (PythonWorkerPool pool = PythonWorkerPool.start(config)) {
            mode = pool.sandbox().mode().name().toLowerCase(Locale.ROOT);
            result = pool.execute(ExecRequest.snippet(code, limits));
        } catch (ExecException e) {
            spec.commandLine().getErr().println("reason4j exec: " + e.getMessage());
            spec.commandLine().getErr().flush();
            return UserErrors.USER_ERROR;
        }
        print(result, mode);
        return result.ok() ? 0 : 1;
    }

    private void print(ExecResult result, String mode) throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(new ObjectMapper().writeValueAsString(toJson(result, mode)));
        } else {
            out.print(result.stdout());
            PrintWriter err = spec.commandLine().getErr();
            String status = result.status().wireName();
            if (result.error() != null) {
                status += ": " + result.error().type() + ": " + result.error().message()
                        + (result.error().line() > 0 ? " (line " + result.error().line() + ")" : "");
            }
            err.printf(Locale.ROOT, "status: %s [%d ms, sandbox %s%s]%n", status, result.elapsed().toMillis(), mode,
                    result.truncated() ? ", output truncated" : "");
            err.flush();
        }
        out.flush();
    }

    /** The result as JSON: {@code status} (ok|error|timeout|killed), {@code stdout}, {@code error} or null, ... */
    static ObjectNode toJson(ExecResult result, String mode) {
        ObjectNode node = new ObjectMapper().createObjectNode();
        node.put("status", result.status().wireName());
        node.put("stdout", result.stdout());
        if (result.error() == null) {
            node.putNull("error");
        } else {
            ObjectNode error = node.putObject("error");
            error.put("type", result.error().type());
            error.put("message", result.error().message());
            error.put("line", result.error().line());
        }
        node.put("truncated", result.truncated());
        node.put("elapsed_ms", result.elapsed().toNanos() / 1e6);
        node.put("sandbox", mode);
        return node;
    }

    private static String readSnippet(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("--file " + file + " does not exist or is not a regular file");
        }
        try {
            return Files.readString(file);
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(file + " is not UTF-8 text");
        }
    }

    static SandboxMode parseMode(String text) {
        for (SandboxMode mode : SandboxMode.values()) {
            if (mode.name().equalsIgnoreCase(text)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("--sandbox must be auto, bubblewrap or process, got '" + text + "'");
    }

    static ModuleAllowList parseAllowList(String text) {
        if (text == null) {
            return ModuleAllowList.ANY;
        }
        return text.strip().equals("@math") ? ModuleAllowList.MATH : ModuleAllowList.parse(text);
    }
}
