package dev.reason4j.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Workers live as long as their pool, and a call that outlives its limits is a timeout whatever the worker does. */
class WorkerLifetimeIT {

    /** The JDK retires a virtual-thread carrier after 30 s without work; calls must outlast that moment. */
    private static final Duration PAST_CARRIER_KEEP_ALIVE = Duration.ofSeconds(35);

    @TempDir
    static Path scratch;

    @BeforeAll
    static void requirePython() {
        TestPools.assumePython();
    }

    @Test
    void should_keep_its_workers_through_calls_that_outlast_idle_virtual_thread_carriers() throws Exception {
        // Under bubblewrap --die-with-parent a worker dies with the thread that started it: workers started from
        // virtual threads died (exit 137, mid-call) when their carrier retired, 30 s after it last ran anything.
        assumeTrue(TestPools.bubblewrapUsable(), "bubblewrap is not usable here");
        try (PythonWorkerPool pool = PythonWorkerPool.start(TestPools.config(SandboxMode.BUBBLEWRAP, scratch));
                ExecutorService clients = Executors.newFixedThreadPool(pool.workers())) {
            ExecLimits limits = pool.defaultLimits().withTimeout(PAST_CARRIER_KEEP_ALIVE.plusSeconds(10));
            String code = "import time\ntime.sleep(" + PAST_CARRIER_KEEP_ALIVE.toSeconds() + ")\nprint('done')";
            List<Future<ExecResult>> calls = new ArrayList<>();
            for (int i = 0; i < pool.workers(); i++) { // one on each worker, at the same time
                calls.add(clients.submit(() -> pool.execute(ExecRequest.snippet(code, limits))));
            }

            for (Future<ExecResult> call : calls) {
                ExecResult result = call.get();
                assertThat(result.status()).as("%s", result).isEqualTo(ExecStatus.OK);
                assertThat(result.stdout()).isEqualTo("done\n");
            }
        }
    }

    @Test
    void should_report_a_call_whose_worker_stopped_answering_as_a_timeout_and_replace_the_worker() throws Exception {
        Set<ProcessHandle> before = ProcessHandle.current().children().collect(Collectors.toSet());
        PythonPoolConfig oneWorker = TestPools.config(SandboxMode.AUTO, scratch).withWorkers(1);
        try (PythonWorkerPool pool = PythonWorkerPool.start(oneWorker)) {
            List<ProcessHandle> workerProcesses = ProcessHandle.current().children()
                    .filter(p -> !before.contains(p))
                    .flatMap(p -> Stream.concat(Stream.of(p), p.descendants()))
                    .toList();
            signal("-STOP", workerProcesses); // the worker can no longer kill the call nor answer
            ExecLimits limits = pool.defaultLimits().withTimeout(Duration.ofSeconds(1));

            ExecResult stuck = pool.execute(ExecRequest.snippet("print('never runs')", limits));
            ExecResult next = pool.run("print(6 * 7)");

            assertThat(stuck.status()).as("%s", stuck).isEqualTo(ExecStatus.TIMEOUT);
            assertThat(stuck.error().type()).isEqualTo("Timeout");
            assertThat(stuck.error().message()).contains("did not answer").contains("replaced");
            assertThat(stuck.elapsed()).isGreaterThan(limits.timeout());
            assertThat(next.stdout()).as("%s", next).isEqualTo("42\n");
        }
    }

    private static void signal(String signal, List<ProcessHandle> processes) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("kill", signal));
        processes.forEach(p -> command.add(Long.toString(p.pid())));
        assertThat(new ProcessBuilder(command).inheritIO().start().waitFor()).as("%s", command).isZero();
    }
}
