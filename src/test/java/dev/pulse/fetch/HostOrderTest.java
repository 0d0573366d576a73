package dev.pulse.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class HostOrderTest {

  @Test
  void alternatesHostsKeepingEachHostsOrder() {
    List<String> urls =
        List.of(
            "https://a.example/1",
            "https://a.example/2",
            "https://a.example/3",
            "https://B.example/1",
            "https://b.example/2",
            "https://c.example/1");

    assertThat(HostOrder.interleave(urls, Function.identity()))
        .containsExactly(
            "https://a.example/1",
            "https://B.example/1",
            "https://c.example/1",
            "https://a.example/2",
            "https://b.example/2",
            "https://a.example/3");
  }

  @Test
  void keepsItemsWithoutAHost() {
    List<String> urls = List.of("not a url", "https://a.example/1", "::bad::");

    assertThat(HostOrder.interleave(urls, Function.identity()))
        .containsExactlyInAnyOrderElementsOf(urls);
  }
}
