package dev.pulse.fetch;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Pacing across several loopback hosts, measured by when requests reach the servers. Needs
 * 127.0.0.2 and 127.0.0.3 to be bindable (Linux routes all of 127/8 to loopback; elsewhere the test
 * is skipped). Real servers and threads, so it runs with the slower tests (failsafe): the order it
 * checks ("every host before any host's second request") holds when the threads are scheduled
 * within {@link #DELAY}, so the delay is long enough for a loaded machine. The pacing rules
 * themselves are covered on a fake clock in HostPacerTest and PoliteFetcherTest.
 */
class PoliteFetcherPacingIT {

  private static final List<String> HOSTS = List.of("127.0.0.1", "127.0.0.2", "127.0.0.3");
  private static final Duration DELAY = Duration.ofSeconds(2);
  private static final int PAGES_PER_HOST = 3;

  private final List<WireMockServer> servers = new ArrayList<>();

  @BeforeEach
  void startOneServerPerLoopbackAddress() {
    for (String host : HOSTS) {
      WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort().bindAddress(host).gzipDisabled(true));
      try {
        server.start();
      } catch (RuntimeException e) {
        Assumptions.abort("cannot bind " + host + ": " + e.getMessage());
      }
      server.stubFor(get("/robots.txt").willReturn(aResponse().withStatus(404)));
      server.stubFor(get(urlPathMatching("/p/.*")).willReturn(
          aResponse().withFixedDelay(50).withHeader("Content-Type", "text/html").withBody("<p>ok</p>")));
      servers.add(server);
    }
  }

  @AfterEach
  void stopServers() {
    servers.forEach(WireMockServer::stop);
  }

  @Test
  void spacesRequestsToEachHostWhileHostsRunInParallel() throws Exception {
    PoliteFetcher fetcher = PoliteFetcher.create(
        FetchSettings.defaults().withAllow(List.of("127.0.0.0/8")),
        Politeness.defaults().withMinHostDelay(DELAY));
    ExecutorService pool = Executors.newFixedThreadPool(HOSTS.size() * PAGES_PER_HOST);
    List<Future<FetchResult>> results = new ArrayList<>();
    for (int i = 0; i < PAGES_PER_HOST; i++) {
      for (int h = 0; h < HOSTS.size(); h++) {
        String url = "http://" + HOSTS.get(h) + ":" + servers.get(h).port() + "/p/" + i;
        results.add(pool.submit(() -> fetcher.fetch(FetchRequest.page(url))));
      }
    }
    for (Future<FetchResult> f : results) {
      assertThat(f.get().status()).isEqualTo(200);
    }
    pool.shutdown();

    List<List<Long>> arrivals = new ArrayList<>();
    for (WireMockServer server : servers) {
      List<Long> times = server.getAllServeEvents().stream()
          .map(ServeEvent::getRequest).map(r -> r.getLoggedDate().getTime()).sorted().toList();
      assertThat(times).hasSize(1 + PAGES_PER_HOST); // robots.txt once, then the pages
      for (int i = 1; i < times.size(); i++) {
        assertThat(times.get(i) - times.get(i - 1))
            .as("gap between requests %d and %d to one host", i - 1, i)
            .isGreaterThanOrEqualTo(DELAY.toMillis());
      }
      arrivals.add(times);
    }
    long lastFirst = arrivals.stream().mapToLong(t -> t.get(0)).max().orElseThrow();
    long earliestSecond = arrivals.stream().mapToLong(t -> t.get(1)).min().orElseThrow();
    assertThat(lastFirst).as("every host was visited before any host's second request").isLessThan(earliestSecond);
  }
}
