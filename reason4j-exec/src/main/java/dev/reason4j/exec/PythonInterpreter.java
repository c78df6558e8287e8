package dev.reason4j.exec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * The real CPython binary behind a command such as {@code python3}, asked once. Launching through a pyenv shim
 * costs ~275 ms per start; the resolved executable starts directly.
 *
 * @param executable {@code sys.executable} (kept as is, so a virtual environment stays in effect)
 * @param version e.g. {@code 3.11.7}
 * @param files what the interpreter needs to read: its executable, shared library, {@code pyvenv.cfg} and
 *     {@code sys.path} (the sandbox shows the interpreter only these, plus system libraries)
 */
public record PythonInterpreter(Path executable, String version, List<Path> files) {

    private static final String PROBE = String.join("\n",
            "import json, os, sys, sysconfig",
            "exe = sys.executable",
            "files = [exe, os.path.realpath(exe)]",
            "files += [p for p in sys.path if p and os.path.exists(p)]",
            "if sysconfig.get_config_var('Py_ENABLE_SHARED'):",
            "    lib = os.path.join(sysconfig.get_config_var('LIBDIR') or '',",
            "                       sysconfig.get_config_var('INSTSONAME') or sysconfig.get_config_var('LDLIBRARY') or '')",
            "    if os.path.isfile(lib): files += [lib, os.path.realpath(lib)]",
            "for d in (os.path.dirname(exe), os.path.dirname(os.path.dirname(exe))):",
            "    if os.path.isfile(os.path.join(d, 'pyvenv.cfg')): files.append(os.path.join(d, 'pyvenv.cfg'))",
            "print(json.dumps({'executable': exe, 'version': '%d.%d.%d' % sys.version_info[:3],",
            "                  'files': list(dict.fromkeys(files))}))");

    public PythonInterpreter {
        Objects.requireNonNull(executable, "executable");
        Objects.requireNonNull(version, "version");
        files = List.copyOf(files);
    }

    /** Asks {@code command} (in the user's environment, isolated mode) where its interpreter is. */
    public static PythonInterpreter resolve(String command) {
        Process process;
        try {
            process = new ProcessBuilder(command, "-I", "-c", PROBE).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new ExecException("cannot run python command '" + command + "': " + e.getMessage()
                    + " (install python3 >= 3.8 or configure the python command)", e);
        }
        try {
            process.getOutputStream().close();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new ExecException("python command '" + command + "' failed to describe itself: "
                        + new String(out, StandardCharsets.UTF_8).strip());
            }
            String text = new String(out, StandardCharsets.UTF_8).strip();
            JsonNode json = new ObjectMapper().readTree(text.substring(text.lastIndexOf('\n') + 1));
            List<Path> files = new ArrayList<>();
            json.get("files").forEach(f -> files.add(Path.of(f.asText())));
            PythonInterpreter interpreter =
                    new PythonInterpreter(Path.of(json.get("executable").asText()), json.get("version").asText(), files);
            interpreter.requireSupported(command);
            return interpreter;
        } catch (IOException e) {
            throw new ExecException("cannot read the answer of python command '" + command + "'", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExecException("interrupted while resolving python command '" + command + "'", e);
        } finally {
            process.destroyForcibly();
        }
    }

    private void requireSupported(String command) {
        String[] parts = version.split("\\.");
        int major = Integer.parseInt(parts[0]);
        int minor = Integer.parseInt(parts[1]);
        if (major != 3 || minor < 8) {
            throw new ExecException("python command '" + command + "' is Python " + version
                    + "; the sandbox needs CPython 3.8 or newer (audit hooks)");
        }
    }

    @Override
    public String toString() {
        return "Python " + version + " (" + executable + ")";
    }
}
