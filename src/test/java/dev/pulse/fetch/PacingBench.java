package dev.pulse.fetch;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Prints how closely {@link PoliteFetcher} keeps its pacing promises with many hosts and threads:
 * wall time against the ideal, the smallest gap seen between two requests to one host, and the most
 * requests in flight at once. Loopback only (127.0.0.1 to 127.0.0.N, Linux). Not a test.
 *
 * <pre>
 * mvn -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) dev.pulse.fetch.PacingBench
 * </pre>
 */
public final class PacingBench {

  private static final int HOSTS = 8;
  private static final int PAGES = 10;
  private static final Duration DELAY = Duration.ofMillis(200);
  private static final int RESPONSE_MS = 50;

  public static void main(String[] args) throws Exception {
    List<WireMockServer> servers = new ArrayList<>();
    try {
      for (int h = 1; h <= HOSTS; h++) {
        WireMockServer s =
            new WireMockServer(
                wireMockConfig().dynamicPort().bindAddress("127.0.0." + h).gzipDisabled(true));
        s.start();
        s.stubFor(get("/robots.txt").willReturn(aResponse().withStatus(404)));
        s.stubFor(
            get(urlPathMatching("/p/.*"))
                .willReturn(
                    aResponse()
                        .withFixedDelay(RESPONSE_MS)
                        .withHeader("Content-Type", "text/html")
                        .withBody("<p>" + "x".repeat(2000) + "</p>")));
        servers.add(s);
      }
      System.out.printf(
          "%d hosts x %d pages, %d ms pause per host, %d ms responses, 16 threads%n",
          HOSTS, PAGES, DELAY.toMillis(), RESPONSE_MS);
      System.out.printf(
          "%-16s %10s %10s %16s %14s%n",
          "max concurrency", "wall ms", "ideal ms", "min gap/host ms", "max in flight");
      run(servers, 8, false); // warm-up: class loading, JIT, connection setup
      for (int limit : new int[] {8, 2, 1}) {
        servers.forEach(WireMockServer::resetRequests);
        run(servers, limit, true);
      }
    } finally {
      servers.forEach(WireMockServer::stop);
    }
  }

  private static void run(List<WireMockServer> servers, int limit, boolean print) throws Exception {
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger maxInFlight = new AtomicInteger();
    HttpFetcher http = new HttpFetcher(FetchSettings.defaults().withAllow(List.of("127.0.0.0/8")));
    Fetcher counting =
        request -> {
          maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
          try {
            return http.fetch(request);
          } finally {
            inFlight.decrementAndGet();
          }
        };
    PoliteFetcher polite =
        new PoliteFetcher(
            counting,
            "pulse",
            Politeness.defaults().withMinHostDelay(DELAY).withMaxConcurrency(limit));
    List<String> urls = new ArrayList<>();
    for (int p = 0; p < PAGES; p++) {
      for (int h = 0; h < HOSTS; h++) {
        urls.add("http://127.0.0." + (h + 1) + ":" + servers.get(h).port() + "/p/" + p);
      }
    }
    ExecutorService pool = Executors.newFixedThreadPool(16);
    long start = System.nanoTime();
    List<Future<FetchResult>> futures = new ArrayList<>();
    for (String url : HostOrder.interleave(urls, Function.identity())) {
      futures.add(pool.submit(() -> polite.fetch(FetchRequest.page(url))));
    }
    for (Future<FetchResult> f : futures) {
      f.get();
    }
    long wall = (System.nanoTime() - start) / 1_000_000;
    pool.shutdown();
    long minGap = Long.MAX_VALUE;
    for (WireMockServer s : servers) {
      List<Long> t =
          s.getAllServeEvents().stream()
              .map(ServeEvent::getRequest)
              .map(r -> r.getLoggedDate().getTime())
              .sorted()
              .toList();
      for (int i = 1; i < t.size(); i++) {
        minGap = Math.min(minGap, t.get(i) - t.get(i - 1));
      }
    }
    // Per host: robots.txt plus PAGES pages with a pause after each; a global slot is held only
    // while a request is in flight, so the limit binds once all requests no longer fit in parallel.
    long perHost = (long) (PAGES + 1) * RESPONSE_MS + (long) PAGES * DELAY.toMillis();
    long ideal =
        Math.max(perHost, (long) Math.ceil((double) HOSTS * (PAGES + 1) / limit) * RESPONSE_MS);
    if (!print) {
      return;
    }
    System.out.printf("%-16d %10d %10d %16d %14d%n", limit, wall, ideal, minGap, maxInFlight.get());
  }
}
