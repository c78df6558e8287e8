package dev.reason4j.torch;

import org.bytedeco.pytorch.global.torch.ScalarType;

/**
 * The type weights are held and multiplied in. {@link #AUTO} uses float32 on the CPU (CPUs without native bf16
 * matrix units multiply bf16 several times slower than float32) and the checkpoint's own type on a GPU.
 */
public enum ComputeDtype {
    AUTO,
    FLOAT32,
    BFLOAT16,
    FLOAT16;

    /** The libtorch type for a model whose checkpoint declares {@code storedDtype}, running on a GPU or not. */
    public ScalarType resolve(String storedDtype, boolean gpu) {
        return switch (this) {
            case FLOAT32 -> ScalarType.Float;
            case BFLOAT16 -> ScalarType.BFloat16;
            case FLOAT16 -> ScalarType.Half;
            case AUTO -> !gpu ? ScalarType.Float : switch (storedDtype) {
                case "bfloat16" -> ScalarType.BFloat16;
                case "float16" -> ScalarType.Half;
                default -> ScalarType.Float;
            };
        };
    }

    /** Parses {@code auto}, {@code float32}/{@code f32}, {@code bfloat16}/{@code bf16}, {@code float16}/{@code f16}. */
    public static ComputeDtype parse(String name) {
        return switch (name.toLowerCase(java.util.Locale.ROOT)) {
            case "auto" -> AUTO;
            case "float32", "f32", "fp32" -> FLOAT32;
            case "bfloat16", "bf16" -> BFLOAT16;
            case "float16", "f16", "fp16", "half" -> FLOAT16;
            default -> throw new IllegalArgumentException(
                    "dtype must be auto, float32, bfloat16 or float16, was '" + name + "'");
        };
    }
}
