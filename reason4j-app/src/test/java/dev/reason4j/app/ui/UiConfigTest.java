package dev.reason4j.app.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UiConfigTest {

    @TempDir
    Path dir;

    @Test
    void should_listen_on_loopback_unless_remote_access_is_asked_for() {
        assertThat(UiConfig.local(dir, 0).loopback()).isTrue();
        assertThat(new UiConfig(dir, "localhost", 8765, false).loopback()).isTrue();
        assertThatThrownBy(() -> new UiConfig(dir, "0.0.0.0", 8765, false))
                .hasMessageContaining("refusing to show runs on 0.0.0.0").hasMessageContaining("--allow-remote");
        assertThat(new UiConfig(dir, "0.0.0.0", 8765, true).loopback()).isFalse();
    }

    @Test
    void should_name_the_bad_field_and_value() {
        assertThatThrownBy(() -> new UiConfig(dir.resolve("missing"), "127.0.0.1", 0, false))
                .hasMessageContaining("runsRoot").hasMessageContaining("missing");
        assertThatThrownBy(() -> new UiConfig(dir, "127.0.0.1", 70000, false)).hasMessageContaining("port")
                .hasMessageContaining("70000");
        assertThatThrownBy(() -> new UiConfig(dir, " ", 0, false)).hasMessageContaining("host");
    }

    @Test
    void should_read_the_host_name_of_a_host_header() {
        assertThat(UiServer.hostName("localhost:8765")).isEqualTo("localhost");
        assertThat(UiServer.hostName("127.0.0.1")).isEqualTo("127.0.0.1");
        assertThat(UiServer.hostName("[::1]:8765")).isEqualTo("[::1]");
        assertThat(UiServer.hostName("[::1]")).isEqualTo("[::1]");
        assertThat(UiServer.hostName("Evil.Example:80")).isEqualTo("evil.example");
        assertThat(UiServer.hostName(null)).isEmpty();
    }
}
