package dev.pulse.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.fetch.ValidatorStore;
import dev.pulse.fetch.ValidatorStore.Validators;
import org.junit.jupiter.api.Test;

/** The behaviour the store's {@link ValidatorStore} (the fetcher's fetch state) must have. */
abstract class FetchStateContract extends StoreContract {

  @Test
  void validatorsAreKeptPerUrl() {
    ValidatorStore s = store().fetchState();
    assertThat(s.get("https://x.example/a")).isNull();
    s.put("https://x.example/a", new Validators("\"v1\"", "Tue, 24 Nov 2026 10:00:00 GMT"));
    s.put("https://x.example/a", new Validators("\"v2\"", null));
    assertThat(s.get("https://x.example/a")).isEqualTo(new Validators("\"v2\"", null));
    assertThat(s.get("https://x.example/b")).isNull();
  }

  @Test
  void aRobotsFileIsKeptPerOriginWithItsFetchTime() {
    var robots = store().robotsStore();
    assertThat(robots.get("https://x.example")).isNull();
    var copy =
        new dev.pulse.fetch.RobotsStore.Copy(
            "User-agent: *\nDisallow: /private",
            false,
            java.time.Instant.parse("2026-11-30T10:00:00Z"));
    robots.put("https://x.example", copy);
    robots.put(
        "http://y.example:8080",
        new dev.pulse.fetch.RobotsStore.Copy(null, true, copy.fetchedAt()));
    assertThat(robots.get("https://x.example")).isEqualTo(copy);
    assertThat(robots.get("http://y.example:8080").unavailable()).isTrue();
  }

  @Test
  void puttingNoValidatorsForgetsThem() {
    ValidatorStore s = store().fetchState();
    s.put("https://x.example/a", new Validators("\"v1\"", null));
    s.put("https://x.example/a", null);
    assertThat(s.get("https://x.example/a")).isNull();
  }
}
