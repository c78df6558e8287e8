package dev.reason4j.lm.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(5, Duration.ofMillis(100), Duration.ofSeconds(1), 2, 0);

    @Test
    void should_back_off_exponentially_up_to_the_cap() {
        assertThat(policy.backoff(1, null)).isEqualTo(Duration.ofMillis(100));
        assertThat(policy.backoff(3, null)).isEqualTo(Duration.ofMillis(400));
        assertThat(policy.backoff(9, null)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void should_honour_retry_after_within_the_cap() {
        assertThat(policy.backoff(1, Duration.ofMillis(700))).isEqualTo(Duration.ofMillis(700));
        assertThat(policy.backoff(1, Duration.ofSeconds(60))).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void should_spread_with_jitter_inside_its_bounds() {
        RetryPolicy jittered = new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(1), 2, 0.2);
        for (int i = 0; i < 50; i++) {
            assertThat(jittered.backoff(2, null)).isBetween(Duration.ofMillis(160), Duration.ofMillis(240));
        }
    }

    @Test
    void should_validate_each_field() {
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO, 1, 0)).hasMessageContaining("maxAttempts");
        assertThatThrownBy(() -> new RetryPolicy(1, Duration.ofMillis(-1), Duration.ZERO, 1, 0)).hasMessageContaining("initialBackoff");
        assertThatThrownBy(() -> new RetryPolicy(1, Duration.ofSeconds(2), Duration.ofSeconds(1), 1, 0)).hasMessageContaining("maxBackoff");
        assertThatThrownBy(() -> new RetryPolicy(1, Duration.ZERO, Duration.ZERO, 0.5, 0)).hasMessageContaining("multiplier");
        assertThatThrownBy(() -> new RetryPolicy(1, Duration.ZERO, Duration.ZERO, 1, 1)).hasMessageContaining("jitter");
        assertThatThrownBy(() -> policy.backoff(0, null)).hasMessageContaining("attempt");
    }
}
