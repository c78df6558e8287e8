package dev.reason4j.torch.safetensors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reason4j.torch.CheckpointException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.TreeMap;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Tensor;

/**
 * Writes safetensors files the Python library reads: tensors in name order, laid end to end; the JSON header
 * ({@code __metadata__} first) padded with spaces so the data section starts at a multiple of 8 bytes. The file is
 * written next to its destination and moved into place, so a crash never leaves a half-written checkpoint.
 */
@SuppressWarnings("try") // a PointerScope frees what its block allocates; the block never names it
public final class SafetensorsWriter {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SafetensorsWriter() {}

    /**
     * Writes {@code tensors} (any device, any layout; copied to contiguous CPU memory) to {@code file}.
     *
     * @return the number of data bytes written
     */
    public static long write(Path file, Map<String, Tensor> tensors, Map<String, String> metadata) {
        Map<String, Tensor> sorted = new TreeMap<>(tensors);
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        long written;
        try (PointerScope scope = new PointerScope();
                FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING)) {
            ObjectNode header = JSON.createObjectNode();
            if (!metadata.isEmpty()) {
                ObjectNode meta = header.putObject("__metadata__");
                metadata.forEach(meta::put);
            }
            long offset = 0;
            Map<String, Tensor> contiguous = new TreeMap<>();
            for (Map.Entry<String, Tensor> e : sorted.entrySet()) {
                Tensor t = e.getValue().cpu().contiguous();
                contiguous.put(e.getKey(), t);
                long bytes = t.nbytes();
                ObjectNode node = header.putObject(e.getKey());
                node.put("dtype", SafetensorsDType.of(t.scalar_type()).name());
                var shape = node.putArray("shape");
                for (int d = 0; d < t.dim(); d++) {
                    shape.add(t.size(d));
                }
                node.putArray("data_offsets").add(offset).add(offset + bytes);
                offset += bytes;
            }
            byte[] json = JSON.writeValueAsBytes(header);
            int padded = (json.length + 7) / 8 * 8;
            ByteBuffer head = ByteBuffer.allocate(8 + padded).order(ByteOrder.LITTLE_ENDIAN);
            head.putLong(padded).put(json);
            while (head.hasRemaining()) {
                head.put((byte) ' ');
            }
            writeAll(out, head.flip());
            for (Tensor t : contiguous.values()) {
                long length = t.nbytes();
                if (length == 0) {
                    continue;
                }
                BytePointer data = new BytePointer(t.data_ptr()).capacity(length);
                for (long pos = 0; pos < length; pos += SafetensorsFile.CHUNK_BYTES) {
                    int chunk = (int) Math.min(SafetensorsFile.CHUNK_BYTES, length - pos);
                    writeAll(out, SafetensorsFile.window(data, pos, chunk));
                }
            }
            out.force(true);
            written = offset;
        } catch (IOException e) {
            throw new CheckpointException(file + ": cannot write: " + e, e);
        }
        try {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new CheckpointException(file + ": cannot move " + temp + " into place: " + e, e);
        }
        return written;
    }

    private static void writeAll(FileChannel out, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            out.write(buffer);
        }
    }
}
