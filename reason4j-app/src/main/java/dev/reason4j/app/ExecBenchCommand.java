package dev.reason4j.app;

import dev.reason4j.exec.CodePrefix;
import dev.reason4j.exec.ExecException;
import dev.reason4j.exec.ExecLimits;
import dev.reason4j.exec.ExecRequest;
import dev.reason4j.exec.ExecResult;
import dev.reason4j.exec.PythonPoolConfig;
import dev.reason4j.exec.PythonWorkerPool;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code reason4j bench exec}: short snippets per second through the sandboxed Python pool, and the gain from
 * incremental execution (steps forked from the kept state of their prefix) over rStar-Math's cumulative
 * re-execution on a 10-step trajectory.
 */
@Command(
        name = "exec",
        mixinStandardHelpOptions = true,
        description = "Python sandbox throughput (snippets/s) and the gain of incremental trajectory execution.")
public final class ExecBenchCommand implements Callable<Integer> {

    private static final double GOAL_SNIPPETS_PER_SECOND = 200;
    private static final String MARK = "<<reason4j-bench-step>>";

    /** An rStar-style trajectory: each step builds on the state of the previous ones. */
    private static final List<String> SYMPY_TRAJECTORY = List.of(
            "from sympy import *\nx, y = symbols('x y')\nprint('symbols ready')",
            "roots = solve(Eq(x**2 - 5*x + 6, 0), x)\nprint(roots)",
            "total = sum(roots)\nprint(total)",
            "antiderivative = integrate(x**3 * exp(x), x)\nprint(antiderivative)",
            "expansion = series(sin(x) / x, x, 0, 8)\nprint(expansion)",
            "M = Matrix([[2, 1], [1, 3]])\nprint(M.inv(), M.det())",
            "primes = list(primerange(1, 20000))\nprint(len(primes))",
            "special = sum(p for p in primes if p % 4 == 1)\nprint(special)",
            "print(limit((1 + 1 / x) ** x, x, oo))",
            "print(simplify(diff(antiderivative, x)), factorint(special))");

    /** The same shape without sympy, for machines that do not have it. */
    private static final List<String> PLAIN_TRAJECTORY = List.of(
            "from fractions import Fraction\nimport math\nprint('ready')",
            "primes = [p for p in range(2, 30000) if all(p % d for d in range(2, math.isqrt(p) + 1))]\nprint(len(primes))",
            "harmonic = sum(Fraction(1, n) for n in range(1, 300))\nprint(harmonic.denominator % 1000)",
            "squares = {n * n for n in range(200000)}\nprint(len(squares))",
            "pairs = sum(1 for p in primes[:400] for q in primes[:400] if (p + q) in squares)\nprint(pairs)",
            "fib = [0, 1]\nwhile len(fib) < 5000:\n    fib.append(fib[-1] + fib[-2])\nprint(len(str(fib[-1])))",
            "digits = sum(int(c) for c in str(math.factorial(3000)))\nprint(digits)",
            "print(sum(primes) % 997, harmonic > 6)",
            "collatz = max(range(1, 30000), key=lambda n: len(bin(n)))\nprint(collatz)",
            "print(digits + pairs + len(fib))");

    @Option(names = "--workers", defaultValue = "2", description = "Workers (default: ${DEFAULT-VALUE}).")
    int workers;

    @Option(names = "--seconds", defaultValue = "5", description = "Measured time per throughput run (default: ${DEFAULT-VALUE}).")
    double seconds;

    @Option(names = "--repeats", defaultValue = "5", description = "Trajectory repetitions (default: ${DEFAULT-VALUE}).")
    int repeats;

    @Option(names = "--sandbox", defaultValue = "auto", paramLabel = "MODE",
            description = "auto, bubblewrap or process (default: ${DEFAULT-VALUE}).")
    String sandbox;

    @Option(names = "--python", defaultValue = "python3", description = "Python command (default: ${DEFAULT-VALUE}).")
    String python;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PythonPoolConfig base = PythonPoolConfig.defaults()
                .withWorkers(workers)
                .withLimits(ExecLimits.DEFAULT.withMaxOutputChars(16_384)) // whole cumulative programs' output
                .withSandbox(ExecCommand.parseMode(sandbox))
                .withPython(python);
        out.printf(Locale.ROOT, "reason4j bench exec: %d workers, %d cores available, JDK %s%n",
                workers, Runtime.getRuntime().availableProcessors(), Runtime.version());
        try {
            boolean sympy;
            try (PythonWorkerPool stdlib = PythonWorkerPool.start(base.withPreload(List.of("math", "fractions", "itertools")))) {
                out.println(stdlib.sandbox().describe());
                throughput(out, stdlib, "workers preloading math, fractions, itertools");
            }
            try (PythonWorkerPool full = PythonWorkerPool.start(base)) {
                sympy = full.sandbox().notes().stream().noneMatch(n -> n.contains("'sympy'"));
                throughput(out, full, "workers preloading " + String.join(", ", base.preload()) + " (default)");
                incremental(out, full, sympy ? SYMPY_TRAJECTORY : PLAIN_TRAJECTORY, sympy ? "sympy" : "pure-Python");
            }
        } catch (ExecException e) {
            spec.commandLine().getErr().println("reason4j bench exec: " + e.getMessage());
            return UserErrors.USER_ERROR;
        }
        out.flush();
        return 0;
    }

    private void throughput(PrintWriter out, PythonWorkerPool pool, String label) throws Exception {
        run(pool, Math.min(1.0, seconds / 2)); // warm-up
        long start = System.nanoTime();
        long[] counts = run(pool, seconds);
        double elapsed = (System.nanoTime() - start) / 1e9;
        double rate = counts[0] / elapsed;
        out.printf(Locale.ROOT, "short snippets, %s: %,.0f snippets/s (%d calls in %.1f s, %d wrong); goal %.0f/s: %.2fx%n",
                label, rate, counts[0], elapsed, counts[1], GOAL_SNIPPETS_PER_SECOND, rate / GOAL_SNIPPETS_PER_SECOND);
        out.flush();
    }

    /** Runs {@code print(i * i)} snippets from 2 client threads per worker; returns {calls, wrong results}. */
    private long[] run(PythonWorkerPool pool, double forSeconds) throws Exception {
        long end = System.nanoTime() + (long) (forSeconds * 1e9);
        AtomicLong calls = new AtomicLong();
        AtomicLong wrong = new AtomicLong();
        try (ExecutorService clients = Executors.newFixedThreadPool(2 * pool.workers())) {
            List<Future<?>> futures = new ArrayList<>();
            for (int c = 0; c < 2 * pool.workers(); c++) {
                futures.add(clients.submit(() -> {
                    while (System.nanoTime() < end) {
                        long i = calls.incrementAndGet();
                        ExecResult result = pool.run("n = " + i + "\nprint(n * n)");
                        if (!result.ok() || !result.stdout().equals((i * i) + "\n")) {
                            wrong.incrementAndGet();
                        }
                    }
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        }
        return new long[] {calls.get(), wrong.get()};
    }

    private void incremental(PrintWriter out, PythonWorkerPool pool, List<String> steps, String kind) {
        ExecLimits limits = pool.defaultLimits();
        long incrementalNanos = 0;
        long cumulativeNanos = 0;
        long lastIncremental = 0;
        long lastCumulative = 0;
        int mismatches = 0;
        for (int r = 0; r <= repeats; r++) { // round 0 warms up
            CodePrefix prefix = CodePrefix.EMPTY;
            for (int k = 1; k <= steps.size(); k++) {
                String step = steps.get(k - 1);
                long t0 = System.nanoTime();
                ExecResult incremental = pool.execute(ExecRequest.step(prefix, step, limits));
                long t1 = System.nanoTime();
                ExecResult cumulative = pool.execute(ExecRequest.snippet(concatenated(steps, k), limits));
                long t2 = System.nanoTime();
                prefix = prefix.then(step);
                if (!incremental.ok() || !incremental.stdout().equals(lastStepOutput(cumulative))) {
                    mismatches++;
                }
                if (r > 0) {
                    incrementalNanos += t1 - t0;
                    cumulativeNanos += t2 - t1;
                    if (k == steps.size()) {
                        lastIncremental += t1 - t0;
                        lastCumulative += t2 - t1;
                    }
                }
            }
        }
        double inc = incrementalNanos / 1e6 / repeats;
        double cum = cumulativeNanos / 1e6 / repeats;
        out.printf(Locale.ROOT, "%d-step %s trajectory, all steps: cumulative re-execution %.1f ms, incremental %.1f ms: "
                + "%.2fx faster (mean of %d runs; %d output mismatches)%n", steps.size(), kind, cum, inc, cum / inc,
                repeats, mismatches);
        out.printf(Locale.ROOT, "step %d alone: cumulative %.1f ms, incremental %.1f ms: %.2fx faster%n", steps.size(),
                lastCumulative / 1e6 / repeats, lastIncremental / 1e6 / repeats, (double) lastCumulative / lastIncremental);
        out.flush();
    }

    private static String concatenated(List<String> steps, int k) {
        return String.join("\n", steps.subList(0, k - 1)) + "\nprint('" + MARK + "')\n" + steps.get(k - 1);
    }

    private static String lastStepOutput(ExecResult cumulative) {
        int mark = cumulative.stdout().indexOf(MARK + "\n");
        return mark < 0 ? "<no output>" : cumulative.stdout().substring(mark + MARK.length() + 1);
    }
}
