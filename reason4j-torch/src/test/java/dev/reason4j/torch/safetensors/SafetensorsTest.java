package dev.reason4j.torch.safetensors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reason4j.torch.CheckpointException;
import dev.reason4j.torch.Tensors;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.bytedeco.pytorch.global.torch.ScalarType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafetensorsTest {

    @TempDir
    Path dir;

    private PointerScope scope;

    @BeforeEach
    void openScope() {
        scope = new PointerScope();
    }

    @AfterEach
    void closeScope() {
        scope.close();
    }

    private static Map<String, Tensor> sample() {
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        tensors.put("w.f32", torch.arange(Tensors.scalar(12)).to(ScalarType.Float).div(Tensors.scalar(7)).view(3, 4));
        tensors.put("w.bf16", torch.arange(Tensors.scalar(6)).to(ScalarType.BFloat16).view(2, 3));
        tensors.put("w.f16", torch.arange(Tensors.scalar(5)).to(ScalarType.Half));
        tensors.put("ids", torch.arange(Tensors.scalar(3)).to(ScalarType.Long));
        tensors.put("flag", torch.ones(new long[] {1}, new org.bytedeco.pytorch.TensorOptions(ScalarType.Bool)));
        tensors.put("empty", torch.zeros(0, 4));
        tensors.put("scalar", torch.tensor(2.5f).reshape(new long[0]));
        return tensors;
    }

    @Test
    void should_round_trip_every_dtype_and_shape() {
        Path file = dir.resolve("t.safetensors");
        SafetensorsWriter.write(file, sample(), Map.of("format", "pt"));
        try (SafetensorsFile read = SafetensorsFile.open(file)) {
            assertThat(read.metadata()).containsEntry("format", "pt");
            assertThat(read.entries().keySet()).containsExactly("empty", "flag", "ids", "scalar", "w.bf16", "w.f16", "w.f32");
            assertThat(read.entries().get("w.bf16").dtype()).isEqualTo(SafetensorsDType.BF16);
            assertThat(read.entries().get("scalar").shape()).isEmpty();
            for (Map.Entry<String, Tensor> e : sample().entrySet()) {
                Tensor back = read.read(e.getKey());
                assertThat(back.scalar_type().value).isEqualTo(e.getValue().scalar_type().value);
                assertThat(back.sizes().vec().get()).isEqualTo(e.getValue().sizes().vec().get());
                assertThat(Tensors.floats(back)).as(e.getKey()).isEqualTo(Tensors.floats(e.getValue()));
            }
        }
    }

    @Test
    void should_write_the_header_layout_python_safetensors_expects() throws IOException {
        Path file = dir.resolve("t.safetensors");
        long dataBytes = SafetensorsWriter.write(file, sample(), Map.of("format", "pt"));
        byte[] bytes = Files.readAllBytes(file);
        long headerLength = ByteBuffer.wrap(bytes, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();

        assertThat(headerLength % 8).as("data section 8-byte aligned").isZero();
        assertThat(8 + headerLength + dataBytes).isEqualTo(bytes.length);
        String header = new String(bytes, 8, (int) headerLength, StandardCharsets.UTF_8);
        assertThat(header).startsWith("{\"__metadata__\":{\"format\":\"pt\"}");
        assertThat(header.stripTrailing()).endsWith("}");
        assertThat(header.substring(header.stripTrailing().length())).isBlank();
        JsonNode json = new ObjectMapper().readTree(header);
        long expected = 0;
        for (Map.Entry<String, JsonNode> e : json.properties()) {
            if (e.getKey().equals("__metadata__")) {
                continue;
            }
            assertThat(e.getValue().get("data_offsets").get(0).asLong()).as("tensors laid end to end").isEqualTo(expected);
            expected = e.getValue().get("data_offsets").get(1).asLong();
        }
        assertThat(expected).isEqualTo(dataBytes);
        assertThat(json.get("w.bf16").get("dtype").asText()).isEqualTo("BF16");
        assertThat(json.get("w.f32").get("shape").toString()).isEqualTo("[3,4]");
    }

    @Test
    void should_read_a_file_written_by_python_safetensors() throws IOException {
        // Bytes as safetensors.torch.save_file({"a": torch.tensor([1.0, 2.0]), "b": torch.tensor([[3]], dtype=torch.int64)})
        // lays them out: sorted by dtype size then name, header padded with spaces to 8 bytes.
        String json = "{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[8,16]},"
                + "\"b\":{\"dtype\":\"I64\",\"shape\":[1,1],\"data_offsets\":[0,8]}}";
        ByteBuffer data = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(3).putFloat(1).putFloat(2);
        Path file = write(json, data.array());
        try (SafetensorsFile read = SafetensorsFile.open(file)) {
            assertThat(Tensors.floats(read.read("a"))).containsExactly(1f, 2f);
            assertThat(Tensors.longs(read.read("b"))).containsExactly(3L);
        }
    }

    @Test
    void should_reject_corrupt_and_truncated_files_naming_the_problem() throws IOException {
        Path good = dir.resolve("good.safetensors");
        SafetensorsWriter.write(good, sample(), Map.of());
        byte[] bytes = Files.readAllBytes(good);

        Path truncated = dir.resolve("truncated.safetensors");
        Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length - 3));
        assertThatThrownBy(() -> SafetensorsFile.open(truncated)).isInstanceOf(CheckpointException.class)
                .hasMessageContaining(truncated.toString()).hasMessageContaining("truncated file?");

        Path tiny = dir.resolve("tiny.safetensors");
        Files.write(tiny, new byte[] {1, 2, 3});
        assertThatThrownBy(() -> SafetensorsFile.open(tiny)).hasMessageContaining("truncated: 3 bytes");

        Path huge = dir.resolve("huge.safetensors");
        Files.write(huge, ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(Long.MAX_VALUE).array());
        assertThatThrownBy(() -> SafetensorsFile.open(huge)).hasMessageContaining("header length").hasMessageContaining("implausible");

        Path beyond = dir.resolve("beyond.safetensors");
        Files.write(beyond, ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(1000).array());
        assertThatThrownBy(() -> SafetensorsFile.open(beyond)).hasMessageContaining("header length 1000 exceeds the file size 16");

        assertThatThrownBy(() -> SafetensorsFile.open(write("{\"a\": [", new byte[0])))
                .hasMessageContaining("header is not valid JSON");
        assertThatThrownBy(() -> SafetensorsFile.open(write(
                "{\"a\":{\"dtype\":\"F8_E4M3\",\"shape\":[2],\"data_offsets\":[0,2]}}", new byte[2])))
                .hasMessageContaining("tensor 'a': unsupported dtype 'F8_E4M3'");
        assertThatThrownBy(() -> SafetensorsFile.open(write(
                "{\"a\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[0,8]}}", new byte[8])))
                .hasMessageContaining("tensor 'a': data_offsets [0,8] hold 8 bytes, but shape [3] of F32 needs 12");
        assertThatThrownBy(() -> SafetensorsFile.open(write(
                "{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
                        + "\"b\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}", new byte[8])))
                .hasMessageContaining("without gaps or overlaps");
        assertThatThrownBy(() -> SafetensorsFile.open(write(
                "{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}", new byte[12])))
                .hasMessageContaining("the tensors end at byte 4 of the data section, but the file holds 12 data bytes");
        assertThatThrownBy(() -> SafetensorsFile.open(write(
                "{\"a\":{\"dtype\":\"F32\",\"shape\":[-1],\"data_offsets\":[0,4]}}", new byte[4])))
                .hasMessageContaining("shape [-1] must hold integers >= 0");
        try (SafetensorsFile file = SafetensorsFile.open(good)) {
            assertThatThrownBy(() -> file.read("nope")).hasMessageContaining("no tensor named 'nope'");
        }
    }

    @Test
    void should_write_and_read_sharded_checkpoints() throws IOException {
        Map<String, Tensor> tensors = sample();
        List<Path> files = SafetensorsCheckpoint.write(dir, tensors, 40, Map.of("format", "pt"));

        assertThat(files).extracting(p -> p.getFileName().toString()).contains("model.safetensors.index.json",
                "model-00001-of-00003.safetensors");
        JsonNode index = new ObjectMapper().readTree(dir.resolve("model.safetensors.index.json").toFile());
        assertThat(index.get("weight_map").size()).isEqualTo(tensors.size());
        try (SafetensorsCheckpoint read = SafetensorsCheckpoint.open(dir)) {
            assertThat(read.names()).containsExactlyInAnyOrderElementsOf(tensors.keySet());
            for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
                assertThat(Tensors.floats(read.read(e.getKey()))).isEqualTo(Tensors.floats(e.getValue()));
            }
        }
        Files.delete(dir.resolve("model-00002-of-00003.safetensors"));
        assertThatThrownBy(() -> SafetensorsCheckpoint.open(dir)).isInstanceOf(CheckpointException.class)
                .hasMessageContaining("names shard model-00002-of-00003.safetensors, which does not exist");
    }

    @Test
    void should_say_when_a_directory_holds_no_weights() {
        assertThatThrownBy(() -> SafetensorsCheckpoint.open(dir))
                .hasMessageContaining("no model.safetensors or model.safetensors.index.json");
    }

    private Path write(String json, byte[] data) throws IOException {
        byte[] header = json.getBytes(StandardCharsets.UTF_8);
        int padded = (header.length + 7) / 8 * 8;
        ByteBuffer buffer = ByteBuffer.allocate(8 + padded + data.length).order(ByteOrder.LITTLE_ENDIAN);
        buffer.putLong(padded).put(header);
        while (buffer.position() < 8 + padded) {
            buffer.put((byte) ' ');
        }
        buffer.put(data);
        Path file = Files.createTempFile(dir, "crafted", ".safetensors");
        Files.write(file, buffer.array());
        return file;
    }
}
