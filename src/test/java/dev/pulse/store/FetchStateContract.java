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
  void puttingNoValidatorsForgetsThem() {
    ValidatorStore s = store().fetchState();
    s.put("https://x.example/a", new Validators("\"v1\"", null));
    s.put("https://x.example/a", null);
    assertThat(s.get("https://x.example/a")).isNull();
  }
}
