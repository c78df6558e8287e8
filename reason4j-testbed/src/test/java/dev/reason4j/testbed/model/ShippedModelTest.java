package dev.reason4j.testbed.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where a shipped model is read from: in place from a source build's class path, and from a jar (what the launcher
 * runs) copied once into a cache folder named after its content.
 */
class ShippedModelTest {

    @TempDir
    Path dir;

    @Test
    void should_use_a_build_class_path_model_where_it_lies() {
        Path cache = dir.resolve("cache");
        Path model = ShippedModel.POLICY.directory(cache);
        assertThat(model.resolve("model.safetensors")).exists();
        assertThat(model.startsWith(cache)).isFalse();
        assertThat(cache).doesNotExist();
    }

    @Test
    void should_copy_a_model_out_of_a_jar_once_and_into_a_new_folder_when_its_content_changes() throws IOException {
        Path cache = dir.resolve("cache");
        Map<String, String> files = Map.of("config.json", "{\"a\": 1}", "model.safetensors", "weights",
                "tokenizer.json", "{}", "README.md", "notes");
        Path copied;
        try (URLClassLoader jar = jar("one.jar", files)) {
            copied = ShippedModel.PPM.directory(cache, jar);
            assertThat(copied.getParent()).isEqualTo(cache);
            assertThat(copied.getFileName().toString()).matches("testbed-ppm-[0-9a-f]{16}");
            for (var file : files.entrySet()) {
                assertThat(copied.resolve(file.getKey())).hasContent(file.getValue());
            }
            FileTime first = Files.getLastModifiedTime(copied.resolve("model.safetensors"));
            Files.setLastModifiedTime(copied.resolve("model.safetensors"), FileTime.fromMillis(1_000));
            assertThat(ShippedModel.PPM.directory(cache, jar)).isEqualTo(copied);
            assertThat(Files.getLastModifiedTime(copied.resolve("model.safetensors")))
                    .as("not copied again (was %s)", first).isEqualTo(FileTime.fromMillis(1_000));
        }
        try (URLClassLoader changed = jar("two.jar", Map.of("config.json", "{\"a\": 1}", "model.safetensors",
                "other weights", "tokenizer.json", "{}"))) {
            Path other = ShippedModel.PPM.directory(cache, changed);
            assertThat(other).isNotEqualTo(copied);
            assertThat(other.resolve("model.safetensors")).hasContent("other weights");
        }
        try (Stream<Path> left = Files.list(cache)) {
            assertThat(left).as("no half-copied folders left").hasSize(2);
        }
    }

    @Test
    void should_name_a_required_file_the_jar_lacks() throws IOException {
        try (URLClassLoader jar = jar("partial.jar", Map.of("config.json", "{}", "model.safetensors", "w"))) {
            assertThatThrownBy(() -> ShippedModel.POLICY.directory(dir.resolve("cache"), jar))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("dev/reason4j/testbed/model/policy/tokenizer.json");
        }
        try (URLClassLoader empty = jar("empty.jar", Map.of())) {
            assertThatThrownBy(() -> ShippedModel.POLICY.directory(dir.resolve("cache"), empty))
                    .hasMessageContaining("is not on the class path");
        }
    }

    /** A class loader that sees only a jar holding {@code files} in the model's resource folders. */
    private URLClassLoader jar(String name, Map<String, String> files) throws IOException {
        Path jar = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ShippedModel model : ShippedModel.values()) {
                for (var file : files.entrySet()) {
                    zip.putNextEntry(new ZipEntry(model.resourceFolder() + file.getKey()));
                    zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                    zip.closeEntry();
                }
            }
        }
        return new URLClassLoader(new URL[] {jar.toUri().toURL()}, null);
    }
}
