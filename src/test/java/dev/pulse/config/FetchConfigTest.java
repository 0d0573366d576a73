package dev.pulse.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.pulse.fetch.FetchSettings;
import dev.pulse.fetch.Politeness;
import dev.pulse.retry.Breaker;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FetchConfigTest {

  private static JsonNode yaml(String text) throws Exception {
    return new ObjectMapper(new YAMLFactory()).readTree(text);
  }

  @Test
  void usesTheDefaultsWithoutASection() {
    assertThat(FetchConfig.settings(MissingNode.getInstance(), null))
        .isEqualTo(FetchSettings.defaults());
    assertThat(FetchConfig.politeness(MissingNode.getInstance())).isEqualTo(Politeness.defaults());
  }

  @Test
  void readsEveryKey() throws Exception {
    JsonNode fetch =
        yaml(
            """
        allow: [127.0.0.1, 10.1.0.0/16, intranet.example]
        connect_timeout: 5s
        read_timeout: 500ms
        deadline: 2m
        max_body: 2MB
        max_redirects: 3
        min_host_delay: 2s
        max_concurrency: 4
        retries: 1
        backoff: 250ms
        max_backoff: 10s
        max_retry_after: 1m
        robots_ttl: 12h
        robots_failure_ttl: 1h
        obey_robots: false
        tracking_params: [ref, source]
        breaker_failures: 2
        breaker_cool_down: 45s
        """);

    FetchSettings s = FetchConfig.settings(fetch, "Bot/1 (+https://example.org)");
    Politeness p = FetchConfig.politeness(fetch);

    assertThat(s.userAgent()).isEqualTo("Bot/1 (+https://example.org)");
    assertThat(s.allow()).containsExactly("127.0.0.1", "10.1.0.0/16", "intranet.example");
    assertThat(s.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(s.readTimeout()).isEqualTo(Duration.ofMillis(500));
    assertThat(s.deadline()).isEqualTo(Duration.ofMinutes(2));
    assertThat(s.maxBodyBytes()).isEqualTo(2L * 1024 * 1024);
    assertThat(s.maxRedirects()).isEqualTo(3);
    assertThat(p)
        .isEqualTo(
            Politeness.defaults().toBuilder()
                .minHostDelay(Duration.ofSeconds(2))
                .maxConcurrency(4)
                .maxRetries(1)
                .backoffBase(Duration.ofMillis(250))
                .backoffMax(Duration.ofSeconds(10))
                .maxRetryAfter(Duration.ofMinutes(1))
                .robotsTtl(Duration.ofHours(12))
                .robotsFailureTtl(Duration.ofHours(1))
                .obeyRobots(false)
                .build());
    assertThat(FetchConfig.trackingParams(fetch)).containsExactly("ref", "source");
    assertThat(FetchConfig.hostBreaker(fetch))
        .isEqualTo(new Breaker.Policy(2, Duration.ofSeconds(45)));
  }

  @Test
  void refusesAHostBreakerThatCannotWork() throws Exception {
    assertThat(FetchConfig.hostBreaker(MissingNode.getInstance()))
        .isEqualTo(Breaker.Policy.DEFAULT);
    assertThatThrownBy(() -> FetchConfig.hostBreaker(yaml("breaker_failures: 0")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("fetch.breaker_failures must be at least 1");
    assertThatThrownBy(() -> FetchConfig.hostBreaker(yaml("breaker_cool_down: -1s")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("fetch.breaker_cool_down");
  }

  @Test
  void namesAnUnknownKey() throws Exception {
    assertThatThrownBy(() -> FetchConfig.politeness(yaml("min_delay: 1s")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("min_delay");
  }

  @Test
  void namesABadValue() throws Exception {
    assertThatThrownBy(() -> FetchConfig.settings(yaml("deadline: soon"), null))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("fetch.deadline");
    assertThatThrownBy(() -> FetchConfig.settings(yaml("allow: [not/a/range/40]"), null))
        .isInstanceOf(ConfigException.class);
  }
}
