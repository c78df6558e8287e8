package dev.reason4j.exec;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The bubblewrap ({@code bwrap}) command line a worker runs under: a fresh root with read-only system
 * directories and the interpreter's own files, nothing of home, /tmp, /etc or the project; a private tmpfs
 * {@code /scratch} of bounded size as the only writable place; new pid, network, ipc, uts and user namespaces;
 * no capabilities; killed when the thread that started it ends (so workers are started by {@link WorkerSpawner}).
 */
final class Bubblewrap {

    /** Directory inside the sandbox that holds the worker's scratch tmpfs. */
    static final String SCRATCH = "/scratch";

    private static final List<String> SYSTEM_DIRS = List.of("/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32");
    private static final List<String> SYSTEM_FILES =
            List.of("/etc/ld.so.cache", "/etc/ld.so.conf", "/etc/ld.so.conf.d", "/etc/localtime");

    private Bubblewrap() {}

    /** {@code bwrap} on PATH (or in /usr/bin), if installed. */
    static Optional<Path> find() {
        String path = System.getenv().getOrDefault("PATH", "") + File.pathSeparator + "/usr/bin";
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty()) {
                Path candidate = Path.of(dir, "bwrap");
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /** System paths a sandboxed interpreter may read (also the audit hook's read roots outside bubblewrap). */
    static List<Path> systemReadRoots() {
        List<Path> roots = new ArrayList<>();
        for (String name : SYSTEM_DIRS) {
            roots.add(Path.of(name));
        }
        for (String name : SYSTEM_FILES) {
            roots.add(Path.of(name));
        }
        for (String device : List.of("/dev/null", "/dev/zero", "/dev/urandom", "/dev/random", "/dev/full")) {
            roots.add(Path.of(device));
        }
        roots.removeIf(p -> !Files.exists(p));
        return roots;
    }

    /** The {@code bwrap ...} prefix for a worker; the python command line follows it. */
    static List<String> command(Path bwrap, PythonInterpreter python, long scratchBytes) throws IOException {
        List<String> args = new ArrayList<>(List.of(bwrap.toString(),
                "--unshare-all", "--die-with-parent", "--new-session", "--cap-drop", "ALL"));
        List<Path> bound = new ArrayList<>();
        for (String name : SYSTEM_DIRS) {
            Path dir = Path.of(name);
            if (Files.isSymbolicLink(dir)) {  // merged /usr: /lib -> usr/lib
                args.addAll(List.of("--symlink", Files.readSymbolicLink(dir).toString(), name));
            } else if (Files.isDirectory(dir)) {
                args.addAll(List.of("--ro-bind", name, name));
                bound.add(dir);
            }
        }
        for (String name : SYSTEM_FILES) {
            args.addAll(List.of("--ro-bind-try", name, name));
        }
        List<Path> files = new ArrayList<>(python.files());
        files.sort(Comparator.comparingInt(p -> p.toString().length()));
        for (Path file : files) {
            Path absolute = file.toAbsolutePath().normalize();
            if (bound.stream().noneMatch(absolute::startsWith) && Files.exists(absolute)) {
                args.addAll(List.of("--ro-bind", absolute.toString(), absolute.toString()));
                bound.add(absolute);
            }
        }
        args.addAll(List.of("--proc", "/proc", "--dev", "/dev", "--remount-ro", "/dev",
                "--size", Long.toString(scratchBytes), "--perms", "0700", "--tmpfs", SCRATCH,
                "--chdir", SCRATCH, "--remount-ro", "/"));
        return args;
    }

    /** Runs the interpreter once under {@code prefix}; empty when it works, else why not. */
    static Optional<String> problem(List<String> prefix, PythonInterpreter python) {
        List<String> command = new ArrayList<>(prefix);
        command.addAll(List.of(python.executable().toString(), "-s", "-c", "import math"));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            byte[] out = process.getInputStream().readNBytes(4096);
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return Optional.of("bwrap did not finish a trial run within 30 s");
            }
            if (process.exitValue() != 0) {
                String text = new String(out, StandardCharsets.UTF_8).strip();
                return Optional.of("bwrap failed a trial run (exit " + process.exitValue() + "): "
                        + (text.isEmpty() ? "no output" : text.lines().findFirst().orElse(text)));
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("cannot run bwrap: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted during the bwrap trial run");
        }
    }
}
