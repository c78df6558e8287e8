package dev.reason4j.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class WorkerSpawnerTest {

    private interface Start {
        Process start() throws IOException;
    }

    @Test
    void should_keep_a_die_with_parent_process_alive_after_the_thread_that_asked_for_it_ended() throws Exception {
        assumeTrue(TestPools.bubblewrapUsable(), "bubblewrap is not usable here");
        PythonInterpreter python = PythonInterpreter.resolve("python3");
        List<String> command = new ArrayList<>(Bubblewrap.command(Bubblewrap.find().orElseThrow(), python, 16L << 20));
        command.addAll(List.of(python.executable().toString(), "-c",
                "import time; print('up', flush=True); time.sleep(60)"));
        ProcessBuilder sleeper = new ProcessBuilder(command);
        WorkerSpawner spawner = new WorkerSpawner("test-spawner");

        Process spawned = startFromShortLivedThread(() -> spawner.start(sleeper));
        Process direct = startFromShortLivedThread(sleeper::start); // control: started by the thread that ended

        try {
            assertThat(direct.waitFor(10, TimeUnit.SECONDS)).as("killed when its starting thread ended").isTrue();
            assertThat(direct.exitValue()).isEqualTo(128 + 9);
            assertThat(spawned.isAlive()).as("started by the spawner: alive").isTrue();

            spawner.close();

            assertThat(spawned.waitFor(10, TimeUnit.SECONDS)).as("killed when the spawner closed").isTrue();
        } finally {
            spawned.destroyForcibly();
            direct.destroyForcibly();
        }
    }

    @Test
    void should_report_a_command_that_cannot_start_and_a_closed_spawner_as_io_exceptions() {
        WorkerSpawner spawner = new WorkerSpawner("test-spawner");
        ProcessBuilder missing = new ProcessBuilder("/nonexistent/reason4j-python");

        assertThatThrownBy(() -> spawner.start(missing)).isInstanceOf(IOException.class)
                .hasMessageContaining("/nonexistent/reason4j-python");
        spawner.close();
        assertThatThrownBy(() -> spawner.start(new ProcessBuilder("true"))).isInstanceOf(IOException.class)
                .hasMessageContaining("closed");
    }

    /** Starts the process from a thread that ends once the sandbox is up (bwrap has armed its parent-death signal). */
    private static Process startFromShortLivedThread(Start start) throws Exception {
        AtomicReference<Process> process = new AtomicReference<>();
        AtomicReference<IOException> failure = new AtomicReference<>();
        Thread thread = Thread.ofPlatform().start(() -> {
            try {
                Process started = start.start();
                process.set(started);
                new BufferedReader(new InputStreamReader(started.getInputStream(), StandardCharsets.UTF_8)).readLine();
            } catch (IOException e) {
                failure.set(e);
            }
        });
        thread.join();
        if (failure.get() != null) {
            throw failure.get();
        }
        return process.get();
    }
}
