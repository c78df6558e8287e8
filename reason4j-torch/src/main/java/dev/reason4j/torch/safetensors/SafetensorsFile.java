package dev.reason4j.torch.safetensors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reason4j.torch.CheckpointException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.pytorch.MemoryFormatOptional;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptions;
import org.bytedeco.pytorch.global.torch;

/**
 * One safetensors file, opened and validated as strictly as Python's {@code safetensors}: the header length must
 * fit the file, the header must be JSON, every tensor's byte range must match its shape and dtype, and the ranges
 * must tile the data section with no gap, overlap or trailing bytes. Tensors are read through memory-mapped regions
 * of at most {@value #CHUNK_BYTES} bytes, so files and tensors may exceed 2 GiB.
 */
public final class SafetensorsFile implements AutoCloseable {

    /** Python's safetensors refuses headers over 100 MB; a larger length means a corrupt file. */
    static final long MAX_HEADER_BYTES = 100_000_000L;
    static final int CHUNK_BYTES = 1 << 30;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final FileChannel channel;
    private final long dataStart;
    private final Map<String, TensorEntry> entries;
    private final Map<String, String> metadata;

    private SafetensorsFile(Path file, FileChannel channel, long dataStart, Map<String, TensorEntry> entries,
            Map<String, String> metadata) {
        this.file = file;
        this.channel = channel;
        this.dataStart = dataStart;
        this.entries = entries;
        this.metadata = metadata;
    }

    /**
     * Opens and validates {@code file}.
     *
     * @throws CheckpointException naming the file and what is wrong
     */
    public static SafetensorsFile open(Path file) {
        if (ByteOrder.nativeOrder() != ByteOrder.LITTLE_ENDIAN) {
            throw new UnsupportedOperationException("safetensors data is little-endian; this machine is not");
        }
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ);
        } catch (IOException e) {
            throw new CheckpointException(file + ": cannot open: " + e, e);
        }
        try {
            long size = channel.size();
            if (size < 8) {
                throw error(file, "truncated: " + size + " bytes, but a safetensors file starts with an 8-byte header length");
            }
            long headerLength = readFully(channel, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
            if (headerLength < 2 || headerLength > MAX_HEADER_BYTES) {
                throw error(file, "header length " + Long.toUnsignedString(headerLength)
                        + " is implausible (corrupt file or not safetensors)");
            }
            if (8 + headerLength > size) {
                throw error(file, "header length " + headerLength + " exceeds the file size " + size + " (truncated?)");
            }
            ByteBuffer header = readFully(channel, 8, (int) headerLength);
            JsonNode root;
            try {
                root = JSON.readTree(StandardCharsets.UTF_8.decode(header).toString());
            } catch (JsonProcessingException e) {
                throw error(file, "header is not valid JSON: " + e.getOriginalMessage());
            }
            if (root == null || !root.isObject()) {
                throw error(file, "header must be a JSON object");
            }
            long dataSize = size - 8 - headerLength;
            Map<String, String> metadata = new LinkedHashMap<>();
            List<TensorEntry> list = new ArrayList<>();
            for (Map.Entry<String, JsonNode> field : root.properties()) {
                if (field.getKey().equals("__metadata__")) {
                    readMetadata(file, field.getValue(), metadata);
                } else {
                    list.add(parseEntry(file, field.getKey(), field.getValue(), dataSize));
                }
            }
            checkTiling(file, list, dataSize);
            Map<String, TensorEntry> entries = new LinkedHashMap<>();
            list.stream().sorted(Comparator.comparing(TensorEntry::name)).forEach(e -> entries.put(e.name(), e));
            return new SafetensorsFile(file, channel, 8 + headerLength, Collections.unmodifiableMap(entries),
                    Collections.unmodifiableMap(metadata));
        } catch (IOException | RuntimeException e) {
            try {
                channel.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            if (e instanceof CheckpointException c) {
                throw c;
            }
            throw new CheckpointException(file + ": cannot read: " + e, e);
        }
    }

    public Path path() {
        return file;
    }

    /** Tensors by name, sorted by name. */
    public Map<String, TensorEntry> entries() {
        return entries;
    }

    /** The header's {@code __metadata__} (e.g. {@code format: pt}). */
    public Map<String, String> metadata() {
        return metadata;
    }

    /**
     * Reads one tensor into new CPU memory in its stored dtype. The tensor belongs to the caller's
     * {@code PointerScope}, if any.
     *
     * @throws CheckpointException when there is no such tensor or the file cannot be read
     */
    public Tensor read(String name) {
        TensorEntry entry = entries.get(name);
        if (entry == null) {
            throw new CheckpointException(file + ": no tensor named '" + name + "'");
        }
        Tensor tensor = torch.empty(entry.shapeArray(), new TensorOptions(entry.dtype().scalarType()), new MemoryFormatOptional());
        long length = entry.byteLength();
        if (length == 0) {
            return tensor;
        }
        BytePointer target = new BytePointer(tensor.data_ptr()).capacity(length);
        try {
            for (long offset = 0; offset < length; offset += CHUNK_BYTES) {
                int chunk = (int) Math.min(CHUNK_BYTES, length - offset);
                MappedByteBuffer source = channel.map(FileChannel.MapMode.READ_ONLY, dataStart + entry.begin() + offset, chunk);
                window(target, offset, chunk).put(source);
            }
        } catch (IOException e) {
            throw new CheckpointException(file + ": cannot read tensor '" + name + "': " + e, e);
        }
        return tensor;
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new CheckpointException(file + ": cannot close: " + e, e);
        }
    }

    /**
     * A buffer over bytes {@code [offset, offset + length)} of {@code base}: JavaCPP's own position/limit views
     * overflow past 2 GiB, so the window gets an address of its own.
     */
    static ByteBuffer window(BytePointer base, long offset, int length) {
        return new BytePointer(base.getPointer(offset)).capacity(length).asByteBuffer();
    }

    private static void readMetadata(Path file, JsonNode node, Map<String, String> metadata) {
        if (!node.isObject()) {
            throw error(file, "__metadata__ must be an object of strings");
        }
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            if (!field.getValue().isTextual()) {
                throw error(file, "__metadata__ field '" + field.getKey() + "' must be a string");
            }
            metadata.put(field.getKey(), field.getValue().asText());
        }
    }

    private static TensorEntry parseEntry(Path file, String name, JsonNode node, long dataSize) {
        String where = "tensor '" + name + "'";
        if (!node.isObject()) {
            throw error(file, where + " must be an object with dtype, shape and data_offsets");
        }
        JsonNode dtypeNode = node.get("dtype");
        if (dtypeNode == null || !dtypeNode.isTextual()) {
            throw error(file, where + ": field 'dtype' missing or not a string");
        }
        SafetensorsDType dtype = SafetensorsDType.parse(dtypeNode.asText())
                .orElseThrow(() -> error(file, where + ": unsupported dtype '" + dtypeNode.asText() + "'"));
        JsonNode shapeNode = node.get("shape");
        if (shapeNode == null || !shapeNode.isArray()) {
            throw error(file, where + ": field 'shape' missing or not an array");
        }
        List<Long> shape = new ArrayList<>();
        for (JsonNode d : shapeNode) {
            if (!d.canConvertToLong() || !d.isIntegralNumber() || d.asLong() < 0) {
                throw error(file, where + ": shape " + shapeNode + " must hold integers >= 0");
            }
            shape.add(d.asLong());
        }
        JsonNode offsets = node.get("data_offsets");
        if (offsets == null || !offsets.isArray() || offsets.size() != 2
                || !offsets.get(0).isIntegralNumber() || !offsets.get(1).isIntegralNumber()) {
            throw error(file, where + ": field 'data_offsets' must be [begin, end]");
        }
        long begin = offsets.get(0).asLong();
        long end = offsets.get(1).asLong();
        if (begin < 0 || end < begin) {
            throw error(file, where + ": data_offsets " + offsets + " must satisfy 0 <= begin <= end");
        }
        TensorEntry entry;
        long needed;
        try {
            entry = new TensorEntry(name, dtype, shape, begin, end);
            needed = Math.multiplyExact(entry.numel(), dtype.bytes());
        } catch (ArithmeticException e) {
            throw error(file, where + ": shape " + shape + " is too large");
        }
        if (end - begin != needed) {
            throw error(file, where + ": data_offsets " + offsets + " hold " + (end - begin) + " bytes, but shape "
                    + shape + " of " + dtype + " needs " + needed);
        }
        if (end > dataSize) {
            throw error(file, where + " ends at byte " + end + " of the data section, which holds only " + dataSize
                    + " bytes (truncated file?)");
        }
        return entry;
    }

    private static void checkTiling(Path file, List<TensorEntry> list, long dataSize) {
        List<TensorEntry> byOffset = new ArrayList<>(list);
        byOffset.sort(Comparator.comparingLong(TensorEntry::begin).thenComparingLong(TensorEntry::end));
        long expected = 0;
        for (TensorEntry entry : byOffset) {
            if (entry.begin() != expected) {
                throw error(file, "tensor '" + entry.name() + "' starts at byte " + entry.begin() + " but the previous "
                        + "tensor ends at " + expected + " (tensors must tile the data section without gaps or overlaps)");
            }
            expected = entry.end();
        }
        if (expected != dataSize) {
            throw error(file, "the tensors end at byte " + expected + " of the data section, but the file holds "
                    + dataSize + " data bytes");
        }
    }

    private static ByteBuffer readFully(FileChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw new IOException("unexpected end of file");
            }
        }
        return buffer.flip();
    }

    private static CheckpointException error(Path file, String reason) {
        return new CheckpointException(file + ": " + reason);
    }
}
