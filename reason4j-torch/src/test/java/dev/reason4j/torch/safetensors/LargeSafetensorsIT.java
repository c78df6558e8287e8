package dev.reason4j.torch.safetensors;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reason4j.torch.Tensors;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files and tensors past 2 GiB, on a sparse file (the zeros take no disk). */
@SuppressWarnings("try") // the scope frees what its block allocates
class LargeSafetensorsIT {

    @Test
    void should_read_tensors_beyond_and_larger_than_2_gib(@TempDir Path dir) throws IOException {
        long big = (1L << 31) + 4096; // a U8 tensor just over 2 GiB
        ObjectNode header = new ObjectMapper().createObjectNode();
        header.putObject("big").put("dtype", "U8").putArray("shape").add(big);
        ((ObjectNode) header.get("big")).putArray("data_offsets").add(0).add(big);
        header.putObject("tail").put("dtype", "F32").putArray("shape").add(3);
        ((ObjectNode) header.get("tail")).putArray("data_offsets").add(big).add(big + 12);
        byte[] json = header.toString().getBytes(StandardCharsets.UTF_8);
        int padded = (json.length + 7) / 8 * 8;
        Path file = dir.resolve("large.safetensors");
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            ByteBuffer head = ByteBuffer.allocate(8 + padded).order(ByteOrder.LITTLE_ENDIAN).putLong(padded).put(json);
            while (head.hasRemaining()) {
                head.put((byte) ' ');
            }
            raf.write(head.array());
            raf.seek(8 + padded + big - 1);
            raf.write(7); // last byte of "big"
            raf.write(ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN).putFloat(1.5f).putFloat(-2f).putFloat(3f).array());
        }
        try (PointerScope scope = new PointerScope(); SafetensorsFile read = SafetensorsFile.open(file)) {
            assertThat(Tensors.floats(read.read("tail"))).containsExactly(1.5f, -2f, 3f);
            Tensor bigTensor = read.read("big");
            assertThat(bigTensor.numel()).isEqualTo(big);
            assertThat(bigTensor.select(0, big - 1).item_long()).isEqualTo(7);
            assertThat(bigTensor.select(0, (1L << 30) + 5).item_long()).isZero();
        }
    }
}
