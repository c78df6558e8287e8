package dev.reason4j.torch.safetensors;

import java.util.Arrays;
import java.util.Optional;
import org.bytedeco.pytorch.global.torch.ScalarType;

/** The element types a safetensors header names, with their sizes and libtorch types. */
public enum SafetensorsDType {
    F64(8, ScalarType.Double),
    F32(4, ScalarType.Float),
    F16(2, ScalarType.Half),
    BF16(2, ScalarType.BFloat16),
    I64(8, ScalarType.Long),
    I32(4, ScalarType.Int),
    I16(2, ScalarType.Short),
    I8(1, ScalarType.Char),
    U8(1, ScalarType.Byte),
    BOOL(1, ScalarType.Bool);

    private final int bytes;
    private final ScalarType scalarType;

    SafetensorsDType(int bytes, ScalarType scalarType) {
        this.bytes = bytes;
        this.scalarType = scalarType;
    }

    public int bytes() {
        return bytes;
    }

    public ScalarType scalarType() {
        return scalarType;
    }

    /** The type named {@code name} in a header ({@code "BF16"}), if supported. */
    public static Optional<SafetensorsDType> parse(String name) {
        return Arrays.stream(values()).filter(d -> d.name().equals(name)).findFirst();
    }

    /** The safetensors type of a libtorch tensor type. */
    public static SafetensorsDType of(ScalarType type) {
        return Arrays.stream(values()).filter(d -> d.scalarType.value == type.value).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no safetensors dtype for torch type " + type));
    }
}
