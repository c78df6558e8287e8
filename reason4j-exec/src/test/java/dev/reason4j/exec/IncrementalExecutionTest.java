package dev.reason4j.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Incremental trajectory execution must give what rStar-Math's cumulative re-execution gives. */
class IncrementalExecutionTest {

    private static final String MARK = "<<reason4j-step-boundary>>";

    /** A trajectory touching globals, functions, hash order, random state, files and, last, an error. */
    private static final List<String> TRAJECTORY = List.of(
            "import math\nfrom fractions import Fraction\nx = 3\nprint('x =', x)",
            "y = x * 7\nprint(y)",
            "def f(n):\n    return n * n + y\nprint(f(2))",
            "words = {'apple', 'banana', 'cherry', 'date', 'elder'}\nprint(words)",
            "import random\nprint(random.random(), random.randint(1, 10**9))",
            "with open('notes.txt', 'w') as fh:\n    fh.write(str(f(3)))\nprint('saved')",
            "print(open('notes.txt').read(), random.random())",
            "z = Fraction(y, 4) + Fraction(1, 3)\nprint(z, math.isqrt(y))",
            "print('about to fail')\nprint(f(undefined_name))",
            "print('after the failure')");

    @TempDir
    static Path scratch;

    private static PythonWorkerPool pool;
    private static PythonWorkerPool noSnapshots;

    @BeforeAll
    static void startPools() {
        TestPools.assumePython();
        pool = PythonWorkerPool.start(TestPools.config(SandboxMode.AUTO, scratch));
        noSnapshots = PythonWorkerPool.start(TestPools.config(SandboxMode.AUTO, scratch).withWorkers(1).withSnapshotsPerWorker(0));
    }

    @AfterAll
    static void closePools() {
        if (pool != null) {
            pool.close();
            noSnapshots.close();
        }
    }

    /** Step k as the reference computes it: the concatenated code of steps 1..k, keeping only step k's output. */
    private static ExecResult cumulative(List<String> steps, int k) {
        List<String> prefix = steps.subList(0, k - 1);
        String program = String.join("\n", prefix) + "\nprint('" + MARK + "')\n" + steps.get(k - 1);
        ExecResult whole = pool.run(program);
        int mark = whole.stdout().indexOf(MARK + "\n");
        String stdout = mark < 0 ? "" : whole.stdout().substring(mark + MARK.length() + 1);
        ExecError error = whole.error();
        if (error != null && error.line() > 0) { // report the line relative to the step that raised
            error = new ExecError(error.type(), error.message(), lineWithinStep(steps.subList(0, k), error.line()));
        }
        return new ExecResult(whole.status(), stdout, error, false, whole.elapsed(), false, 0);
    }

    /** Maps a line of the concatenated program (with the mark line before the last step) to its step's line. */
    private static int lineWithinStep(List<String> steps, int line) {
        int start = 1;
        for (int j = 0; j < steps.size(); j++) {
            if (j == steps.size() - 1) {
                start++; // the mark line
            }
            int length = (int) steps.get(j).lines().count();
            if (line < start + length) {
                return line - start + 1;
            }
            start += length;
        }
        throw new AssertionError("line " + line + " is past the program");
    }

    private static void assertSameOutcome(ExecResult actual, ExecResult reference, int k) {
        assertThat(actual.status()).as("status of step %d", k).isEqualTo(reference.status());
        assertThat(actual.stdout()).as("stdout of step %d", k).isEqualTo(reference.stdout());
        if (reference.error() != null) {
            assertThat(actual.error().type()).as("error of step %d", k).isEqualTo(reference.error().type());
            assertThat(actual.error().message()).as("error of step %d", k).endsWith(reference.error().message());
            if (reference.error().line() > 0) {
                assertThat(actual.error().line()).as("error line of step %d", k).isEqualTo(reference.error().line());
            }
        }
    }

    @Test
    void should_give_each_step_exactly_what_cumulative_re_execution_gives() {
        CodePrefix prefix = CodePrefix.EMPTY;
        for (int k = 1; k <= TRAJECTORY.size(); k++) {
            String step = TRAJECTORY.get(k - 1);
            ExecResult incremental = pool.runStep(prefix, step);
            ExecResult replayed = noSnapshots.runStep(prefix, step);
            ExecResult reference = cumulative(TRAJECTORY, k);

            assertSameOutcome(incremental, reference, k);
            assertSameOutcome(replayed, reference, k);
            if (k < 9) {
                assertThat(incremental.error()).isNull();
                assertThat(incremental.stdout()).isNotEmpty();
            }
            prefix = prefix.then(step);
        }
    }

    @Test
    void should_run_later_steps_from_the_kept_state_without_replaying_the_prefix() {
        CodePrefix prefix = CodePrefix.EMPTY;
        List<ExecResult> results = new ArrayList<>();
        for (String step : TRAJECTORY.subList(0, 8)) {
            results.add(pool.runStep(prefix, step));
            prefix = prefix.then(step);
        }

        assertThat(results.get(0).fromSnapshot()).isFalse();
        assertThat(results.subList(1, 8)).allSatisfy(r -> {
            assertThat(r.fromSnapshot()).isTrue();
            assertThat(r.replayedSteps()).isZero();
        });
    }

    @Test
    void should_replay_the_prefix_when_no_state_is_kept() {
        CodePrefix prefix = CodePrefix.of(TRAJECTORY.subList(0, 4));

        ExecResult result = noSnapshots.runStep(prefix, "print(y + f(1))");

        assertThat(result.stdout()).isEqualTo("43\n");
        assertThat(result.fromSnapshot()).isFalse();
        assertThat(result.replayedSteps()).isEqualTo(4);
    }

    @Test
    void should_keep_branches_from_the_same_prefix_independent() {
        CodePrefix root = CodePrefix.EMPTY.then("total = 10\nseen = []");
        pool.runStep(CodePrefix.EMPTY, "total = 10\nseen = []");

        ExecResult left = pool.runStep(root, "total += 1\nseen.append('left')\nprint(total, seen)");
        ExecResult right = pool.runStep(root, "total *= 3\nseen.append('right')\nprint(total, seen)");
        ExecResult leftChild = pool.runStep(root.then("total += 1\nseen.append('left')\nprint(total, seen)"), "print(total, seen)");

        assertThat(left.stdout()).isEqualTo("11 ['left']\n");
        assertThat(right.stdout()).isEqualTo("30 ['right']\n");
        assertThat(leftChild.stdout()).isEqualTo("11 ['left']\n");
        assertThat(List.of(left, right, leftChild)).allMatch(ExecResult::fromSnapshot);
    }

    @Test
    void should_stay_correct_when_snapshots_are_evicted() {
        List<CodePrefix> prefixes = new ArrayList<>();
        for (int i = 0; i < 40; i++) { // more than 2 workers x 8 snapshots
            String step = "v = " + i;
            pool.runStep(CodePrefix.EMPTY, step);
            prefixes.add(CodePrefix.EMPTY.then(step));
        }

        ExecResult oldest = pool.runStep(prefixes.get(0), "print(v * 2)");
        ExecResult newest = pool.runStep(prefixes.get(39), "print(v * 2)");

        assertThat(oldest.stdout()).isEqualTo("0\n");
        assertThat(oldest.replayedSteps()).isEqualTo(1);
        assertThat(newest.stdout()).isEqualTo("78\n");
    }

    @Test
    void should_not_keep_a_state_whose_threads_are_still_running_and_still_match_the_reference() {
        List<String> steps = List.of(
                "import threading, time\nthreading.Thread(target=time.sleep, args=(30,), daemon=True).start()",
                "import threading\nprint(threading.active_count())");
        pool.runStep(CodePrefix.EMPTY, steps.get(0));

        ExecResult second = pool.runStep(CodePrefix.EMPTY.then(steps.get(0)), steps.get(1));

        assertThat(second.fromSnapshot()).isFalse();
        assertThat(second.replayedSteps()).isEqualTo(1);
        assertSameOutcome(second, cumulative(steps, 2), 2);
        assertThat(second.stdout()).isEqualTo("2\n");
    }

    @Test
    void should_report_an_error_in_the_prefix_when_extending_a_failed_step() {
        CodePrefix failed = CodePrefix.of(List.of("a = 1", "b = a / 0"));

        ExecResult result = pool.runStep(failed, "print('unreachable')");

        assertThat(result.status()).isEqualTo(ExecStatus.ERROR);
        assertThat(result.stdout()).isEmpty();
        assertThat(result.error().type()).isEqualTo("ZeroDivisionError");
        assertThat(result.error().message()).startsWith("prefix step 2:");
        assertThat(result.error().line()).isEqualTo(1);
    }
}
