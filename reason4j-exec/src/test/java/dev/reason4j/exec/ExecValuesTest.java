package dev.reason4j.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExecValuesTest {

    @Test
    void should_default_to_the_documented_limits() {
        assertThat(ExecLimits.DEFAULT.timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(ExecLimits.DEFAULT.memoryBytes()).isEqualTo(1L << 30);
        assertThat(ExecLimits.DEFAULT.maxOutputChars()).isEqualTo(1024);
    }

    @Test
    void should_reject_limits_outside_their_ranges_naming_field_and_value() {
        assertThatThrownBy(() -> new ExecLimits(Duration.ZERO, Duration.ofSeconds(1), 1L << 30, 1024))
                .hasMessageContaining("timeout").hasMessageContaining("PT0S");
        assertThatThrownBy(() -> new ExecLimits(Duration.ofSeconds(1), Duration.ofMillis(10), 1L << 30, 1024))
                .hasMessageContaining("cpuTime");
        assertThatThrownBy(() -> ExecLimits.DEFAULT.withMemoryBytes(1000))
                .hasMessageContaining("memoryBytes").hasMessageContaining("1000");
        assertThatThrownBy(() -> ExecLimits.DEFAULT.withMaxOutputChars(10))
                .hasMessageContaining("maxOutputChars").hasMessageContaining("10");
    }

    @Test
    void should_round_the_cpu_limit_up_when_the_timeout_changes() {
        ExecLimits limits = ExecLimits.DEFAULT.withTimeout(Duration.ofMillis(2500));

        assertThat(limits.cpuSeconds()).isEqualTo(3);
        assertThat(ExecLimits.DEFAULT.withTimeout(Duration.ofMillis(100)).cpuSeconds()).isEqualTo(1);
    }

    @Test
    void should_require_an_error_exactly_when_the_status_is_not_ok() {
        ExecError error = new ExecError("ValueError", "bad", 2);

        assertThatThrownBy(() -> new ExecResult(ExecStatus.OK, "", error, false, Duration.ZERO, false, 0))
                .hasMessageContaining("error");
        assertThatThrownBy(() -> new ExecResult(ExecStatus.ERROR, "", null, false, Duration.ZERO, false, 0))
                .hasMessageContaining("error");
        assertThat(new ExecResult(ExecStatus.TIMEOUT, "", error, false, Duration.ZERO, false, 0).ok()).isFalse();
        assertThatThrownBy(() -> new ExecError("", "m", 0)).hasMessageContaining("type");
        assertThatThrownBy(() -> new ExecError("T", "m", -1)).hasMessageContaining("line").hasMessageContaining("-1");
    }

    @Test
    void should_map_statuses_to_wire_names_and_back() {
        for (ExecStatus status : ExecStatus.values()) {
            assertThat(ExecStatus.fromWireName(status.wireName())).isEqualTo(status);
        }
        assertThat(ExecStatus.TIMEOUT.wireName()).isEqualTo("timeout");
        assertThatThrownBy(() -> ExecStatus.fromWireName("failed")).hasMessageContaining("failed");
    }

    @Test
    void should_identify_prefixes_by_their_accumulated_code() {
        CodePrefix ab = CodePrefix.EMPTY.then("a = 1").then("b = 2");

        assertThat(ab).isEqualTo(CodePrefix.of(List.of("a = 1", "b = 2")));
        assertThat(ab.steps()).containsExactly("a = 1", "b = 2");
        assertThat(ab.size()).isEqualTo(2);
        assertThat(ab.key()).hasSize(64).isNotEqualTo(CodePrefix.EMPTY.then("a = 1").key());
        assertThat(CodePrefix.EMPTY.isEmpty()).isTrue();
        assertThat(CodePrefix.EMPTY.key()).isEmpty();
    }

    @Test
    void should_not_confuse_different_step_boundaries_with_the_same_text() {
        CodePrefix split = CodePrefix.of(List.of("x = 1\n", "y = 2"));
        CodePrefix joined = CodePrefix.of(List.of("x = 1\ny = 2"));
        CodePrefix shifted = CodePrefix.of(List.of("x = 1", "\ny = 2"));

        assertThat(Set.of(split.key(), joined.key(), shifted.key())).hasSize(3);
    }

    @Test
    void should_reject_oversized_code() {
        String huge = "x".repeat(ExecRequest.MAX_CODE_CHARS + 1);

        assertThatThrownBy(() -> ExecRequest.snippet(huge, ExecLimits.DEFAULT))
                .hasMessageContaining("code").hasMessageContaining(String.valueOf(huge.length()));
    }

    @Test
    void should_judge_imports_by_their_top_level_package() {
        ModuleAllowList list = ModuleAllowList.parse("math, sympy");

        assertThat(list.permits("sympy.solvers")).isTrue();
        assertThat(list.permits("math")).isTrue();
        assertThat(list.permits("os")).isFalse();
        assertThat(ModuleAllowList.ANY.permits("os")).isTrue();
        assertThat(ModuleAllowList.parse("*")).isEqualTo(ModuleAllowList.ANY);
        assertThat(ModuleAllowList.MATH.permits("fractions")).isTrue();
    }

    @Test
    void should_reject_malformed_allow_lists() {
        assertThatThrownBy(() -> ModuleAllowList.of("os.path")).hasMessageContaining("os.path");
        assertThatThrownBy(() -> ModuleAllowList.parse(" , ")).hasMessageContaining("at least one");
        assertThatThrownBy(() -> new ModuleAllowList(false, Set.of("math"))).hasMessageContaining("restricted");
    }

    @Test
    void should_validate_pool_configuration() {
        PythonPoolConfig defaults = PythonPoolConfig.defaults();

        assertThat(defaults.workers()).isEqualTo(2);
        assertThat(defaults.sandbox()).isEqualTo(SandboxMode.AUTO);
        assertThatThrownBy(() -> defaults.withWorkers(0)).hasMessageContaining("workers").hasMessageContaining("0");
        assertThatThrownBy(() -> defaults.withPython(" ")).hasMessageContaining("python");
        assertThatThrownBy(() -> defaults.withPreload(List.of("os; rm"))).hasMessageContaining("os; rm");
        assertThatThrownBy(() -> defaults.withSnapshotsPerWorker(-1)).hasMessageContaining("snapshotsPerWorker");
    }

    @Test
    void should_describe_active_and_missing_protections() {
        SandboxReport report = new SandboxReport(SandboxMode.PROCESS, "Python 3.11",
                EnumSet.of(Protection.WALL_CLOCK_LIMIT, Protection.AUDIT_HOOK), List.of("install bubblewrap"));

        assertThat(report.missing()).contains(Protection.FILESYSTEM_ISOLATION).doesNotContain(Protection.AUDIT_HOOK);
        assertThat(report.describe())
                .contains("process (no bubblewrap)")
                .contains("active: wall-clock-limit, audit-hook")
                .contains("NOT active:").contains("filesystem-isolation")
                .contains("note: install bubblewrap");
        assertThatThrownBy(() -> new SandboxReport(SandboxMode.AUTO, "p", Set.of(), List.of()))
                .hasMessageContaining("AUTO");
    }
}
