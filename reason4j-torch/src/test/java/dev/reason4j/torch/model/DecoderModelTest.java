package dev.reason4j.torch.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reason4j.lm.LmFixtures;
import dev.reason4j.torch.ReferenceCase;
import dev.reason4j.torch.Tensors;
import java.nio.file.Path;
import java.util.Arrays;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Device;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.bytedeco.pytorch.global.torch.ScalarType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The forward pass against transformers' float32 logits on each fixture checkpoint. */
@SuppressWarnings("try") // scopes free what their blocks allocate
class DecoderModelTest {

    @BeforeAll
    static void oneThread() {
        torch.set_num_threads(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {LmFixtures.QWEN2_F32, LmFixtures.QWEN2_BF16, LmFixtures.LLAMA_F32})
    void should_match_reference_logits_at_first_and_last_position(String fixture) {
        Path dir = LmFixtures.checkpoint(fixture);
        Device cpu = new Device("cpu");
        try (DecoderModel model = DecoderModel.load(dir, ScalarType.Float, cpu)) {
            for (ReferenceCase c : ReferenceCase.read(dir)) {
                try (PointerScope scope = new PointerScope();
                        KvCache cache = KvCache.allocate(model.config(), 1, c.inputIds().length, ScalarType.Float, cpu)) {
                    int t = c.inputIds().length;
                    long[] positions = new long[t];
                    Arrays.setAll(positions, i -> i);
                    Tensor hidden = model.forward(Tensors.ints(c.inputIds(), new long[] {1, t}, cpu),
                            Tensors.longs(positions, new long[] {1, t}, cpu), cache, 0, null);
                    float[] last = Tensors.floats(model.logits(hidden.select(1, t - 1)));
                    float[] first = Arrays.copyOf(Tensors.floats(model.logits(hidden.select(1, 0))), 16);

                    double lastDiff = ReferenceCase.maxAbsDiff(c.lastLogits(), last);
                    System.out.printf("%s '%s': last-position logits max |diff| %.2e%n", fixture, c.prompt().replace("\n", "\\n"), lastDiff);
                    assertThat(lastDiff).as("last logits of '%s'", c.prompt()).isLessThan(1e-4);
                    assertThat(ReferenceCase.maxAbsDiff(c.firstLogitsHead(), first)).isLessThan(1e-4);
                }
            }
        }
    }
}
