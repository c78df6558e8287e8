package dev.reason4j.torch;

import java.lang.System.Logger.Level;
import org.bytedeco.pytorch.Device;
import org.bytedeco.pytorch.global.torch;

/**
 * Where the model runs. CUDA needs the {@code linux-x86_64-gpu} natives (Maven profile {@code cuda}) and a GPU;
 * {@link #AUTO} takes CUDA when libtorch sees one and otherwise falls back to the CPU, saying so in the log.
 */
public enum DeviceChoice {
    CPU,
    CUDA,
    AUTO;

    private static final System.Logger LOG = System.getLogger(DeviceChoice.class.getName());

    /** Parses {@code cpu}, {@code cuda} or {@code auto}, in any case. */
    public static DeviceChoice parse(String name) {
        return switch (name.toLowerCase(java.util.Locale.ROOT)) {
            case "cpu" -> CPU;
            case "cuda", "gpu" -> CUDA;
            case "auto" -> AUTO;
            default -> throw new IllegalArgumentException("device must be cpu, cuda or auto, was '" + name + "'");
        };
    }

    /**
     * The libtorch device for this choice.
     *
     * @throws IllegalStateException when CUDA is asked for but libtorch has no usable GPU
     */
    public Device resolve() {
        return switch (this) {
            case CPU -> new Device("cpu");
            case CUDA -> {
                if (!cudaAvailable()) {
                    throw new IllegalStateException("device CUDA requested, but libtorch sees no GPU (build with "
                            + "-Pcuda for the CUDA natives, and check the driver)");
                }
                yield new Device("cuda:0");
            }
            case AUTO -> {
                if (cudaAvailable()) {
                    yield new Device("cuda:0");
                }
                LOG.log(Level.INFO, "no CUDA device visible to libtorch: running on the CPU");
                yield new Device("cpu");
            }
        };
    }

    private static boolean cudaAvailable() {
        try {
            return torch.cuda_is_available();
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            return false;
        }
    }
}
