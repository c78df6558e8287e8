package dev.reason4j.torch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.bytedeco.pytorch.global.torch.ScalarType;
import org.junit.jupiter.api.Test;

class EngineOptionsTest {

    @Test
    void should_reject_bad_options_naming_field_and_value() {
        assertThatThrownBy(() -> EngineOptions.builder().maxBatchSize(0).build()).hasMessageContaining("maxBatchSize must be >= 1, was 0");
        assertThatThrownBy(() -> EngineOptions.builder().prefixCacheBytes(-1).build()).hasMessageContaining("prefixCacheBytes must be >= 0, was -1");
        assertThatThrownBy(() -> EngineOptions.builder().prefillChunk(0).build()).hasMessageContaining("prefillChunk must be >= 1");
        assertThatThrownBy(() -> EngineOptions.builder().threads(-2).build()).hasMessageContaining("threads must be >= 0, was -2");
        assertThatThrownBy(() -> EngineOptions.builder().contextLength(-1).build()).hasMessageContaining("contextLength must be >= 0");
        assertThat(EngineOptions.defaults().toBuilder().build()).isEqualTo(EngineOptions.defaults());
    }

    @Test
    void should_parse_devices_and_dtypes() {
        assertThat(DeviceChoice.parse("AUTO")).isEqualTo(DeviceChoice.AUTO);
        assertThatThrownBy(() -> DeviceChoice.parse("tpu")).hasMessageContaining("device must be cpu, cuda or auto, was 'tpu'");
        assertThat(ComputeDtype.parse("bf16")).isEqualTo(ComputeDtype.BFLOAT16);
        assertThatThrownBy(() -> ComputeDtype.parse("int4")).hasMessageContaining("was 'int4'");
        assertThat(ComputeDtype.AUTO.resolve("bfloat16", false).value).isEqualTo(ScalarType.Float.value);
        assertThat(ComputeDtype.AUTO.resolve("bfloat16", true).value).isEqualTo(ScalarType.BFloat16.value);
        assertThat(ComputeDtype.AUTO.resolve("float16", true).value).isEqualTo(ScalarType.Half.value);
    }

    @Test
    void should_run_on_the_cpu_when_no_gpu_is_visible() {
        // This suite runs on CPU-only machines; on a GPU machine AUTO and CUDA pick the GPU instead.
        org.junit.jupiter.api.Assumptions.assumeFalse(org.bytedeco.pytorch.global.torch.cuda_is_available());
        assertThat(DeviceChoice.AUTO.resolve().is_cpu()).isTrue();
        assertThat(DeviceChoice.CPU.resolve().is_cpu()).isTrue();
        assertThatThrownBy(DeviceChoice.CUDA::resolve).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("libtorch sees no GPU");
    }

    @Test
    void should_find_the_earliest_stop_string() {
        assertThat(StopStrings.first("ab<end_of_step>cd\n", List.of("\n", "<end_of_step>"), 0))
                .isEqualTo(new StopStrings.Match(2, "<end_of_step>"));
        assertThat(StopStrings.first("aXYb", List.of("XY", "X"), 0)).isEqualTo(new StopStrings.Match(1, "XY"));
        assertThat(StopStrings.first("abc", List.of("z"), 0)).isNull();
        assertThat(StopStrings.first("abcab", List.of("ab"), 2)).isEqualTo(new StopStrings.Match(3, "ab"));
    }
}
