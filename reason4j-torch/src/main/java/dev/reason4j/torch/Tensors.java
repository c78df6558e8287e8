package dev.reason4j.torch;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.LongPointer;
import org.bytedeco.pytorch.Device;
import org.bytedeco.pytorch.DeviceOptional;
import org.bytedeco.pytorch.MemoryFormatOptional;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptions;
import org.bytedeco.pytorch.global.torch;
import org.bytedeco.pytorch.global.torch.ScalarType;

/** Small conversions between Java arrays and libtorch tensors. */
public final class Tensors {

    /** Kept: class initialisation may run inside a scope that would otherwise free it. */
    private static final Device CPU = Native.keep(new Device("cpu"));

    private Tensors() {}

    public static TensorOptions options(ScalarType type, Device device) {
        return new TensorOptions(type).device(new DeviceOptional(device));
    }

    public static Tensor zeros(long[] shape, ScalarType type, Device device) {
        return torch.zeros(shape, options(type, device));
    }

    public static Tensor empty(long[] shape, ScalarType type, Device device) {
        return torch.empty(shape, options(type, device), new MemoryFormatOptional());
    }

    /** A long tensor of {@code values} with the given shape, on {@code device}. */
    public static Tensor longs(long[] values, long[] shape, Device device) {
        Tensor cpu = torch.tensor(values).view(shape);
        return device.is_cpu() ? cpu : cpu.to(device, ScalarType.Long);
    }

    public static Tensor ints(int[] values, long[] shape, Device device) {
        long[] longs = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            longs[i] = values[i];
        }
        return longs(longs, shape, device);
    }

    /** A {@code (values.length)} tensor of {@code type} on {@code device} holding {@code values}. */
    public static Tensor doubles(double[] values, ScalarType type, Device device) {
        Tensor out = empty(new long[] {values.length}, type, device);
        try (DoublePointer data = new DoublePointer(values)) {
            out.copy_(torch.from_blob(data, new long[] {values.length}, new TensorOptions(ScalarType.Double)));
        }
        return out;
    }

    /** The elements of {@code tensor}, any type or device, as floats in row-major order. */
    public static float[] floats(Tensor tensor) {
        Tensor cpu = tensor.to(CPU, ScalarType.Float).contiguous();
        float[] out = new float[Math.toIntExact(cpu.numel())];
        if (out.length > 0) {
            new FloatPointer(cpu.data_ptr()).get(out);
        }
        return out;
    }

    /** The elements of an integer tensor as longs in row-major order. */
    public static long[] longs(Tensor tensor) {
        Tensor cpu = tensor.to(CPU, ScalarType.Long).contiguous();
        long[] out = new long[Math.toIntExact(cpu.numel())];
        if (out.length > 0) {
            new LongPointer(cpu.data_ptr()).get(out);
        }
        return out;
    }

    public static Scalar scalar(double value) {
        return new Scalar(value);
    }
}
