package dev.reason4j.core.provenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HashingTest {

    @TempDir
    Path dir;

    @Test
    void should_match_the_published_sha256_test_vectors() {
        assertThat(Hashing.sha256("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(Hashing.sha256("")).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void should_hash_a_file_larger_than_its_buffer_like_the_whole_bytes() throws Exception {
        byte[] bytes = new byte[300_001];
        new Random(7).nextBytes(bytes);
        Path file = Files.write(dir.resolve("blob.bin"), bytes);

        String expected = HexFormat.of().formatHex(Hashing.newSha256().digest(bytes));

        assertThat(Hashing.sha256(file)).isEqualTo(expected);
    }

    @Test
    void should_describe_an_input_file_by_content() throws Exception {
        Path file = Files.writeString(dir.resolve("in.jsonl"), "abc");

        InputFile input = InputFile.of(file);

        assertThat(input.sha256()).isEqualTo(Hashing.sha256("abc"));
        assertThat(input.size()).isEqualTo(3);
        assertThat(input.path()).isEqualTo(file.toAbsolutePath().toString());
        assertThat(input.describe()).isEqualTo("in.jsonl (sha256 ba7816bf8f01…, 3 bytes)");
    }

    @Test
    void should_name_a_missing_file() {
        Path missing = dir.resolve("nope.jsonl");

        assertThatThrownBy(() -> Hashing.sha256(missing)).isInstanceOf(UncheckedIOException.class).hasMessageStartingWith("cannot hash " + missing);
        assertThatThrownBy(() -> InputFile.of(missing)).hasMessageStartingWith("cannot read input file " + missing);
    }

    @Test
    void should_validate_input_file_fields() {
        assertThatThrownBy(() -> new InputFile("a", "ABC", 1)).hasMessage("sha256 must be 64 lower-case hex digits, got 'ABC'");
        assertThatThrownBy(() -> new InputFile("a", Hashing.sha256(""), -1)).hasMessage("size must be >= 0, got -1");
        assertThatThrownBy(() -> new InputFile(" ", Hashing.sha256(""), 0)).hasMessage("path must not be blank");
    }
}
