package dev.reason4j.torch.safetensors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reason4j.torch.CheckpointException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.bytedeco.pytorch.Tensor;

/**
 * The weights of a Hugging Face model directory: {@code model.safetensors}, or the shards listed in
 * {@code model.safetensors.index.json} ({@code weight_map}: tensor name → shard file).
 */
public final class SafetensorsCheckpoint implements AutoCloseable {

    public static final String SINGLE_FILE = "model.safetensors";
    public static final String INDEX_FILE = "model.safetensors.index.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;
    private final List<SafetensorsFile> files;
    private final Map<String, SafetensorsFile> byTensor;

    private SafetensorsCheckpoint(Path dir, List<SafetensorsFile> files, Map<String, SafetensorsFile> byTensor) {
        this.dir = dir;
        this.files = files;
        this.byTensor = byTensor;
    }

    /**
     * Opens the weights in {@code dir}, preferring the index when there is one.
     *
     * @throws CheckpointException when no weights are there, the index names a missing shard or tensor, or a file
     *     is corrupt
     */
    public static SafetensorsCheckpoint open(Path dir) {
        Path index = dir.resolve(INDEX_FILE);
        if (Files.isRegularFile(index)) {
            return openSharded(dir, index);
        }
        Path single = dir.resolve(SINGLE_FILE);
        if (!Files.isRegularFile(single)) {
            throw new CheckpointException(dir + ": no " + SINGLE_FILE + " or " + INDEX_FILE + " (only safetensors "
                    + "checkpoints are supported)");
        }
        SafetensorsFile file = SafetensorsFile.open(single);
        Map<String, SafetensorsFile> byTensor = new TreeMap<>();
        file.entries().keySet().forEach(name -> byTensor.put(name, file));
        return new SafetensorsCheckpoint(dir, List.of(file), Collections.unmodifiableMap(byTensor));
    }

    private static SafetensorsCheckpoint openSharded(Path dir, Path index) {
        JsonNode weightMap;
        try {
            weightMap = JSON.readTree(index.toFile()).get("weight_map");
        } catch (IOException e) {
            throw new CheckpointException(index + ": not valid JSON: " + e.getMessage(), e);
        }
        if (weightMap == null || !weightMap.isObject() || weightMap.isEmpty()) {
            throw new CheckpointException(index + ": field 'weight_map' missing or empty");
        }
        Map<String, SafetensorsFile> opened = new LinkedHashMap<>();
        Map<String, SafetensorsFile> byTensor = new TreeMap<>();
        try {
            for (Map.Entry<String, JsonNode> e : weightMap.properties()) {
                String shard = e.getValue().asText();
                Path shardPath = dir.resolve(shard).normalize();
                if (!e.getValue().isTextual() || !shardPath.getParent().equals(dir.normalize())) {
                    throw new CheckpointException(index + ": weight_map entry '" + e.getKey()
                            + "' must name a file in the same folder, was " + e.getValue());
                }
                if (!Files.isRegularFile(shardPath)) {
                    throw new CheckpointException(index + ": weight_map entry '" + e.getKey() + "' names shard "
                            + shard + ", which does not exist");
                }
                SafetensorsFile file = opened.computeIfAbsent(shard, s -> SafetensorsFile.open(shardPath));
                if (!file.entries().containsKey(e.getKey())) {
                    throw new CheckpointException(index + ": weight_map puts '" + e.getKey() + "' in " + shard
                            + ", which has no such tensor");
                }
                byTensor.put(e.getKey(), file);
            }
        } catch (RuntimeException e) {
            opened.values().forEach(SafetensorsFile::close);
            throw e;
        }
        return new SafetensorsCheckpoint(dir, List.copyOf(opened.values()), Collections.unmodifiableMap(byTensor));
    }

    public Path dir() {
        return dir;
    }

    /** All tensor names, sorted. */
    public Set<String> names() {
        return byTensor.keySet();
    }

    public boolean has(String name) {
        return byTensor.containsKey(name);
    }

    /** The header entry of a tensor. */
    public TensorEntry entry(String name) {
        return file(name).entries().get(name);
    }

    /** Reads a tensor into new CPU memory in its stored dtype (see {@link SafetensorsFile#read}). */
    public Tensor read(String name) {
        return file(name).read(name);
    }

    @Override
    public void close() {
        files.forEach(SafetensorsFile::close);
    }

    private SafetensorsFile file(String name) {
        SafetensorsFile file = byTensor.get(name);
        if (file == null) {
            throw new CheckpointException(dir + ": the checkpoint has no tensor named '" + name + "'");
        }
        return file;
    }

    /**
     * Writes {@code tensors} to {@code dir}: one {@code model.safetensors} when they fit in {@code maxShardBytes},
     * else shards {@code model-00001-of-0000N.safetensors} filled in name order plus the index, as
     * {@code transformers} writes them. A tensor larger than the limit gets a shard of its own.
     *
     * @return the files written
     */
    public static List<Path> write(Path dir, Map<String, Tensor> tensors, long maxShardBytes, Map<String, String> metadata) {
        if (maxShardBytes < 1) {
            throw new IllegalArgumentException("maxShardBytes must be >= 1, was " + maxShardBytes);
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new CheckpointException(dir + ": cannot create: " + e, e);
        }
        List<Map<String, Tensor>> shards = new ArrayList<>();
        Map<String, Tensor> current = new TreeMap<>();
        long currentBytes = 0;
        long total = 0;
        for (Map.Entry<String, Tensor> e : new TreeMap<>(tensors).entrySet()) {
            long bytes = e.getValue().nbytes();
            if (!current.isEmpty() && currentBytes + bytes > maxShardBytes) {
                shards.add(current);
                current = new TreeMap<>();
                currentBytes = 0;
            }
            current.put(e.getKey(), e.getValue());
            currentBytes += bytes;
            total += bytes;
        }
        shards.add(current);
        if (shards.size() == 1) {
            Path file = dir.resolve(SINGLE_FILE);
            SafetensorsWriter.write(file, current, metadata);
            return List.of(file);
        }
        List<Path> written = new ArrayList<>();
        ObjectNode index = JSON.createObjectNode();
        index.putObject("metadata").put("total_size", total);
        ObjectNode weightMap = index.putObject("weight_map");
        for (int i = 0; i < shards.size(); i++) {
            String name = String.format("model-%05d-of-%05d.safetensors", i + 1, shards.size());
            Path file = dir.resolve(name);
            SafetensorsWriter.write(file, shards.get(i), metadata);
            shards.get(i).keySet().forEach(t -> weightMap.put(t, name));
            written.add(file);
        }
        Path indexFile = dir.resolve(INDEX_FILE);
        try {
            JSON.writerWithDefaultPrettyPrinter().writeValue(indexFile.toFile(), index);
        } catch (IOException e) {
            throw new CheckpointException(indexFile + ": cannot write: " + e, e);
        }
        written.add(indexFile);
        return written;
    }
}
