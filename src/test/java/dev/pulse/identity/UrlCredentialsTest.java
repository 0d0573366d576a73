package dev.pulse.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.source.DiscoveredItem;
import dev.pulse.store.ItemFailure;
import org.junit.jupiter.api.Test;

class UrlCredentialsTest {

  private static final String SECRET_URL = "https://bob:hunter2@news.example/a?x=1";

  @Test
  void dropsTheUserInfoOfAUrlAndLeavesOthersAlone() {
    assertThat(UrlCredentials.strip(SECRET_URL)).isEqualTo("https://news.example/a?x=1");
    assertThat(UrlCredentials.strip("https://news.example/a@b"))
        .isEqualTo("https://news.example/a@b");
    assertThat(UrlCredentials.strip("mail tips@news.example")).isEqualTo("mail tips@news.example");
  }

  @Test
  void aDiscoveredItemNeverCarriesCredentials() {
    assertThat(new DiscoveredItem(SECRET_URL, null, null, "Wire", null).url())
        .isEqualTo("https://news.example/a?x=1");
  }

  @Test
  void aFailureKeepsNoPasswordInItsUrlMessageOrDetail() {
    ItemFailure f =
        new ItemFailure(
            SECRET_URL, "fetch", "http-401", "401 from " + SECRET_URL, "GET " + SECRET_URL);
    assertThat(f.url() + f.message() + f.detail()).doesNotContain("hunter2").doesNotContain("bob:");
  }
}
