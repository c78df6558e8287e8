package dev.reason4j.torch.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.reason4j.lm.train.Objective;
import dev.reason4j.lm.train.TrainingConfig;
import dev.reason4j.torch.Tensors;
import java.nio.file.Path;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.AdamW;
import org.bytedeco.pytorch.Device;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch.ScalarType;
import org.junit.jupiter.api.Test;

/** libtorch's AdamW with our settings takes the steps the AdamW formula gives by hand. */
@SuppressWarnings("try") // scopes free what their blocks allocate
class AdamWSettingsTest {

    @Test
    void two_steps_follow_the_formula_with_each_beta_in_its_place() {
        double lr = 0.1;
        double b1 = 0.9;
        double b2 = 0.99;
        double decay = 0.5;
        TrainingConfig config = TrainingConfig.builder(Objective.SFT, Path.of("-")).learningRate(lr).adamBetas(b1, b2)
                .adamEpsilon(1e-8).weightDecay(decay).build();
        double[] gradients = {1, 3};
        double x = 2;
        double m = 0;
        double v = 0;
        for (int t = 1; t <= 2; t++) { // by hand
            double g = gradients[t - 1];
            x -= lr * decay * x;
            m = b1 * m + (1 - b1) * g;
            v = b2 * v + (1 - b2) * g * g;
            x -= lr * (m / (1 - Math.pow(b1, t))) / (Math.sqrt(v / (1 - Math.pow(b2, t))) + 1e-8);
        }
        try (PointerScope scope = new PointerScope()) {
            Tensor theta = Tensors.doubles(new double[] {2}, ScalarType.Double, new Device("cpu"));
            theta.set_requires_grad(true);
            AdamW adam = new AdamW(new TensorVector(theta), AdamWSettings.options(config));
            for (double g : gradients) {
                adam.zero_grad(true);
                theta.mul(Tensors.scalar(g)).sum().backward(); // d(g·θ)/dθ = g
                adam.step();
            }
            assertThat(theta.item_double()).isCloseTo(x, within(1e-12));
        }
    }
}
