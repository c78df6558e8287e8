package dev.reason4j.lm.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class EndpointPoolTest {

    private final AtomicLong clock = new AtomicLong();
    private final EndpointPool pool = new EndpointPool(
            List.of(URI.create("http://a:1/v1/"), URI.create("http://b:1/v1")), Duration.ofSeconds(1),
            Duration.ofSeconds(4), clock::get);

    private String pick() {
        return pool.acquire().baseUrl().getHost();
    }

    @Test
    void should_pick_the_least_loaded_endpoint() {
        EndpointPool.Endpoint first = pool.acquire();
        EndpointPool.Endpoint second = pool.acquire();
        assertThat(second).as("load spreads").isNotSameAs(first);

        pool.release(first, false);
        assertThat(pool.acquire()).as("fewer in flight").isSameAs(first);
        assertThat(pool.status()).extracting(EndpointPool.EndpointStatus::inFlight).containsExactly(1, 1);
        assertThat(first.baseUrl().toString()).as("trailing slash dropped").doesNotEndWith("/");
    }

    @Test
    void should_skip_a_failed_endpoint_until_its_cooldown_ends_and_double_it() {
        EndpointPool.Endpoint a = pool.endpoints().get(0);
        EndpointPool.Endpoint acquired = pool.acquire();
        assertThat(acquired).isSameAs(a);
        pool.release(a, true);

        assertThat(List.of(pick(), pick(), pick())).containsOnly("b");
        assertThat(pool.status().get(0).healthy()).isFalse();

        clock.addAndGet(Duration.ofMillis(1001).toNanos());
        assertThat(pool.status().get(0).healthy()).as("cooldown over").isTrue();
        EndpointPool.Endpoint retried = pool.acquire();
        assertThat(retried).as("fewest in flight again").isSameAs(a);
        pool.release(retried, true);
        clock.addAndGet(Duration.ofMillis(1500).toNanos());
        assertThat(pool.status().get(0).healthy()).as("second failure: 2 s cooldown").isFalse();
        assertThat(pool.status().get(0).consecutiveFailures()).isEqualTo(2);
    }

    @Test
    void should_try_the_endpoint_that_recovers_first_when_all_are_down() {
        EndpointPool.Endpoint a = pool.acquire();
        EndpointPool.Endpoint b = pool.acquire();
        pool.release(a, true);
        clock.addAndGet(100);
        pool.release(b, true);

        assertThat(pool.acquire()).isSameAs(a);
    }

    @Test
    void should_reject_bad_urls_and_unbalanced_release() {
        assertThatThrownBy(() -> EndpointPool.of("ftp://x/v1")).hasMessageContaining("baseUrls[0] must be an http(s) URL");
        assertThatThrownBy(() -> EndpointPool.of("http://a/v1", "http://a/v1/")).hasMessageContaining("baseUrls[1] repeats");
        assertThatThrownBy(() -> EndpointPool.of()).hasMessageContaining("at least one");
        assertThatThrownBy(() -> pool.release(pool.endpoints().get(0), false)).isInstanceOf(IllegalStateException.class);
        assertThat(pool.endpoints().get(0).resolveAtRoot("tokenize")).isEqualTo(URI.create("http://a:1/tokenize"));
        assertThat(pool.endpoints().get(0).resolve("completions")).isEqualTo(URI.create("http://a:1/v1/completions"));
    }
}
