package dev.reason4j.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PythonWorkerPoolTest {

    @TempDir
    static Path scratch;

    private static PythonWorkerPool pool;

    @BeforeAll
    static void startPool() {
        TestPools.assumePython();
        pool = PythonWorkerPool.start(TestPools.config(SandboxMode.AUTO, scratch));
    }

    @AfterAll
    static void closePool() {
        if (pool != null) {
            pool.close();
        }
    }

    @Test
    void should_return_stdout_of_a_snippet_that_runs() {
        ExecResult result = pool.run("x = 6 * 7\nprint('answer', x)");

        assertThat(result.status()).isEqualTo(ExecStatus.OK);
        assertThat(result.stdout()).isEqualTo("answer 42\n");
        assertThat(result.error()).isNull();
        assertThat(result.truncated()).isFalse();
    }

    @Test
    void should_report_exception_type_message_and_line_of_the_failing_statement() {
        ExecResult result = pool.run("print('before')\na = 1\nb = a / 0\nprint('never')");

        assertThat(result.status()).isEqualTo(ExecStatus.ERROR);
        assertThat(result.stdout()).isEqualTo("before\n");
        assertThat(result.error()).isEqualTo(new ExecError("ZeroDivisionError", "division by zero", 3));
    }

    @Test
    void should_report_the_snippet_line_when_the_error_is_raised_inside_a_library() {
        ExecResult result = pool.run("import math\n\nmath.sqrt(-1)");

        assertThat(result.error().type()).isEqualTo("ValueError");
        assertThat(result.error().line()).isEqualTo(3);
    }

    @Test
    void should_report_syntax_errors_with_their_line() {
        ExecResult result = pool.run("x = 1\ny = (x +\n");

        assertThat(result.status()).isEqualTo(ExecStatus.ERROR);
        assertThat(result.error().type()).isEqualTo("SyntaxError");
        assertThat(result.error().line()).isEqualTo(2);
    }

    @Test
    void should_decide_failure_by_status_not_by_the_word_error_in_the_output() {
        ExecResult printsError = pool.run("print('Error: this is just text')");
        ExecResult raises = pool.run("raise KeyError('quiet')");

        assertThat(printsError.ok()).isTrue();
        assertThat(raises.ok()).isFalse();
        assertThat(raises.stdout()).isEmpty();
    }

    @Test
    void should_treat_system_exit_as_an_error() {
        ExecResult result = pool.run("import sys\nsys.exit(3)");

        assertThat(result.status()).isEqualTo(ExecStatus.ERROR);
        assertThat(result.error().type()).isEqualTo("SystemExit");
        assertThat(result.error().message()).isEqualTo("3");
    }

    @Test
    void should_keep_head_and_tail_of_long_output_within_the_limit() {
        ExecLimits limits = pool.defaultLimits().withMaxOutputChars(100);
        ExecResult result = pool.execute(ExecRequest.snippet(
                "print('HEAD')\nfor i in range(10000):\n    print(i)\nprint('TAIL')", limits));

        assertThat(result.status()).isEqualTo(ExecStatus.OK);
        assertThat(result.truncated()).isTrue();
        assertThat(result.stdout()).hasSizeLessThanOrEqualTo(100).startsWith("HEAD\n0\n").endsWith("9999\nTAIL\n");
        assertThat(result.stdout()).containsPattern("\\[\\d+ characters omitted\\]");
    }

    @Test
    void should_keep_output_printed_before_a_timeout() {
        ExecLimits limits = pool.defaultLimits().withTimeout(Duration.ofMillis(500));
        ExecResult result = pool.execute(ExecRequest.snippet("print('started', flush=True)\nwhile True: pass", limits));

        assertThat(result.status()).isEqualTo(ExecStatus.TIMEOUT);
        assertThat(result.stdout()).isEqualTo("started\n");
        assertThat(result.error().type()).isEqualTo("Timeout");
    }

    @Test
    void should_report_a_call_that_ignores_the_cpu_limit_signal_as_a_timeout() {
        // the kernel sends SIGXCPU at the CPU limit and, since the snippet ignores it, SIGKILL one second later;
        // the wall clock is far away, so the CPU limit is what stops it
        ExecLimits limits = new ExecLimits(Duration.ofSeconds(60), Duration.ofSeconds(1),
                pool.defaultLimits().memoryBytes(), pool.defaultLimits().maxOutputChars());
        ExecResult result = pool.execute(ExecRequest.snippet(
                "import signal\nsignal.signal(signal.SIGXCPU, signal.SIG_IGN)\nwhile True:\n    pass", limits));

        assertThat(result.status()).as("%s", result).isEqualTo(ExecStatus.TIMEOUT);
        assertThat(result.error().type()).isEqualTo("CpuTimeLimit");
    }

    @Test
    void should_reject_limits_looser_than_the_pool() {
        ExecLimits tooMuch = pool.defaultLimits().withMemoryBytes(pool.defaultLimits().memoryBytes() * 2);

        assertThatThrownBy(() -> pool.execute(ExecRequest.snippet("print(1)", tooMuch)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("memoryBytes");
    }

    @Test
    void should_run_calls_from_many_threads_with_correct_results() throws Exception {
        List<Future<ExecResult>> results = new ArrayList<>();
        try (ExecutorService clients = Executors.newFixedThreadPool(6)) {
            for (int i = 0; i < 60; i++) {
                int n = i;
                results.add(clients.submit(() -> pool.run("print(" + n + " * " + n + ")")));
            }
        }
        for (int i = 0; i < results.size(); i++) {
            ExecResult result = results.get(i).get();
            assertThat(result.stdout()).as("%s", result).isEqualTo((i * i) + "\n");
        }
    }

    @Test
    void should_start_every_call_from_a_clean_interpreter() {
        pool.run("import builtins, math\nbuiltins.len = lambda x: 42\nmath.pi = 3\nleaked = 1");

        for (int i = 0; i < 4; i++) { // reaches both workers
            ExecResult result = pool.run("import math\nprint(len([1]), math.pi > 3.14, 'leaked' in globals())");
            assertThat(result.stdout()).isEqualTo("1 True False\n");
        }
    }

    @Test
    void should_report_the_protections_that_match_this_machine() {
        SandboxReport report = pool.sandbox();

        assertThat(report.active()).contains(Protection.WALL_CLOCK_LIMIT, Protection.CPU_TIME_LIMIT,
                Protection.MEMORY_LIMIT, Protection.OUTPUT_LIMIT, Protection.AUDIT_HOOK);
        assertThat(report.mode()).isEqualTo(TestPools.bubblewrapUsable() ? SandboxMode.BUBBLEWRAP : SandboxMode.PROCESS);
        assertThat(report.has(Protection.FILESYSTEM_ISOLATION)).isEqualTo(TestPools.bubblewrapUsable());
        assertThat(report.describe()).contains("python sandbox:").contains("active:");
        if (!TestPools.bubblewrapUsable()) {
            assertThat(report.notes()).anyMatch(note -> note.contains("bubblewrap"));
        }
    }

    @Test
    void should_replace_a_worker_that_dies() {
        long before = ProcessHandle.current().children().count();
        ProcessHandle.current().children().findFirst().orElseThrow().destroyForcibly();

        List<ExecResult> results = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            results.add(pool.run("print('alive', " + i + ")"));
        }

        assertThat(results).allMatch(r -> r.ok() || r.status() == ExecStatus.KILLED);
        assertThat(results.get(results.size() - 1).stdout()).isEqualTo("alive 5\n");
        assertThat(results).filteredOn(r -> r.status() == ExecStatus.KILLED)
                .allMatch(r -> r.error().type().equals("WorkerCrashed"));
        assertThat(ProcessHandle.current().children().filter(ProcessHandle::isAlive).count()).isLessThanOrEqualTo(before);
    }

    @Test
    void should_enforce_the_module_allow_list_on_snippet_imports_only() {
        try (PythonWorkerPool restricted = PythonWorkerPool.start(TestPools.config(SandboxMode.AUTO, scratch)
                .withWorkers(1)
                .withAllowList(ModuleAllowList.of("math", "fractions")))) {
            ExecResult allowed = restricted.run("import math\nfrom fractions import Fraction\nprint(Fraction(1, 3) + math.floor(2.5))");
            ExecResult refused = restricted.run("import os\nprint(os.getcwd())");

            assertThat(allowed.stdout()).isEqualTo("7/3\n"); // fractions itself imports decimal, re, ...
            assertThat(refused.status()).isEqualTo(ExecStatus.ERROR);
            assertThat(refused.error().type()).isEqualTo("ImportError");
            assertThat(refused.error().message()).contains("allow-list");
        }
    }

    @Test
    void should_run_sympy_when_it_is_installed() {
        try (PythonWorkerPool withSympy = PythonWorkerPool.start(TestPools.config(SandboxMode.AUTO, scratch)
                .withWorkers(1)
                .withPreload(List.of("sympy")))) {
            assumeTrue(withSympy.sandbox().notes().stream().noneMatch(n -> n.contains("'sympy'")), "sympy not installed");

            ExecResult result = withSympy.run("from sympy import symbols, solve\nx = symbols('x')\nprint(solve(x**2 - 5*x + 6, x))");

            assertThat(result.stdout()).isEqualTo("[2, 3]\n");
        }
    }
}
