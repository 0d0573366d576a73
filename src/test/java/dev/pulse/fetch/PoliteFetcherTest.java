package dev.pulse.fetch;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.Fault;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PoliteFetcherTest extends FetcherContract {

  private static final Politeness FAST =
      Politeness.defaults()
          .withMinHostDelay(Duration.ZERO)
          .withRetries(3, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMinutes(2));

  private final FakeTime time = new FakeTime();

  private PoliteFetcher polite(Politeness politeness) {
    return polite(politeness, RobotsStore.inMemory());
  }

  @Override
  Fetcher fetcher(FetchSettings settings) {
    return new PoliteFetcher(
        new HttpFetcher(settings),
        "pulse",
        FAST,
        time::nanoTime,
        time,
        new Random(7),
        RobotsStore.inMemory(),
        HostGate.NONE);
  }

  private static void page(String path) {
    server.stubFor(
        get(path)
            .willReturn(aResponse().withHeader("Content-Type", "text/html").withBody("<p>ok</p>")));
  }

  private static void robots(String text) {
    server.stubFor(
        get("/robots.txt")
            .willReturn(aResponse().withHeader("Content-Type", "text/plain").withBody(text)));
  }

  private static String reason(Throwable e) {
    return ((FetchException) e).reason();
  }

  // --- robots.txt

  @Test
  void refusesADisallowedPathWithoutRequestingIt() {
    robots("User-agent: *\nDisallow: /private\n");
    page("/private/a");
    page("/public/a");
    PoliteFetcher fetcher = polite(FAST);

    assertThatThrownBy(() -> fetcher.fetch(FetchRequest.page(url("/private/a"))))
        .satisfies(e -> assertThat(reason(e)).isEqualTo("robots"));
    assertThat(fetcher.fetch(FetchRequest.page(url("/public/a"))).status()).isEqualTo(200);
    server.verify(0, getRequestedFor(urlEqualTo("/private/a")));
    server.verify(1, getRequestedFor(urlEqualTo("/robots.txt")));
  }

  private PoliteFetcher polite(Politeness politeness, RobotsStore kept) {
    return new PoliteFetcher(
        new HttpFetcher(LOOPBACK_OK),
        "pulse",
        politeness,
        time::nanoTime,
        time,
        new Random(7),
        kept,
        HostGate.NONE);
  }

  @Test
  void aRobotsTxtKeptByAnEarlierRunWithinItsLifetimeIsNotFetchedAgain() {
    robots("User-agent: *\nDisallow: /private\n");
    page("/a");
    RobotsStore kept = RobotsStore.inMemory();
    polite(FAST, kept).fetch(FetchRequest.page(url("/a")));

    PoliteFetcher nextRun = polite(FAST, kept);

    assertThat(nextRun.fetch(FetchRequest.page(url("/a"))).status()).isEqualTo(200);
    assertThatThrownBy(() -> nextRun.fetch(FetchRequest.page(url("/private/b"))))
        .satisfies(e -> assertThat(reason(e)).isEqualTo("robots"));
    server.verify(1, getRequestedFor(urlEqualTo("/robots.txt")));
  }

  @Test
  void aKeptRobotsTxtOlderThanItsLifetimeIsFetchedAgain() {
    robots("User-agent: *\nAllow: /\n");
    page("/a");
    RobotsStore kept = RobotsStore.inMemory();
    String origin = RobotsCache.origin(java.net.URI.create(url("/a")));
    kept.put(
        origin,
        new RobotsStore.Copy(
            "User-agent: *\nDisallow: /\n",
            false,
            java.time.Instant.now().minus(Duration.ofHours(25))));

    assertThat(polite(FAST, kept).fetch(FetchRequest.page(url("/a"))).status()).isEqualTo(200);
    server.verify(1, getRequestedFor(urlEqualTo("/robots.txt")));
    assertThat(kept.get(origin).body()).contains("Allow: /");
  }

  @Test
  void obeysTheGroupNamingPulse() {
    robots("User-agent: pulse\nDisallow: /\n\nUser-agent: *\nAllow: /\n");
    page("/a");

    assertThatThrownBy(() -> polite(FAST).fetch(FetchRequest.page(url("/a"))))
        .satisfies(e -> assertThat(reason(e)).isEqualTo("robots"));
  }

  @Test
  void allowsEverythingWhenRobotsTxtIsMissing() {
    server.stubFor(get("/robots.txt").willReturn(aResponse().withStatus(404)));
    page("/a");

    assertThat(polite(FAST).fetch(FetchRequest.page(url("/a"))).status()).isEqualTo(200);
  }

  @Test
  void leavesAHostAloneWhileItsRobotsTxtFailsThenAsksAgain() {
    server.stubFor(get("/robots.txt").willReturn(aResponse().withStatus(503)));
    page("/a");
    Politeness noRetries =
        FAST.withRetries(0, Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1));
    PoliteFetcher fetcher = polite(noRetries);

    assertThatThrownBy(() -> fetcher.fetch(FetchRequest.page(url("/a"))))
        .satisfies(e -> assertThat(reason(e)).isEqualTo("robots-unavailable"));
    assertThatThrownBy(() -> fetcher.fetch(FetchRequest.page(url("/a"))))
        .satisfies(e -> assertThat(reason(e)).isEqualTo("robots-unavailable"));
    server.verify(1, getRequestedFor(urlEqualTo("/robots.txt")));
    server.verify(0, getRequestedFor(urlEqualTo("/a")));

    robots("User-agent: *\nAllow: /\n");
    time.advance(noRetries.robotsFailureTtl().plusSeconds(1));

    assertThat(fetcher.fetch(FetchRequest.page(url("/a"))).status()).isEqualTo(200);
    server.verify(2, getRequestedFor(urlEqualTo("/robots.txt")));
  }

  @Test
  void refetchesRobotsTxtAfterItExpires() {
    robots("User-agent: *\nAllow: /\n");
    page("/a");
    PoliteFetcher fetcher = polite(FAST);

    fetcher.fetch(FetchRequest.page(url("/a")));
    fetcher.fetch(FetchRequest.page(url("/a")));
    time.advance(FAST.robotsTtl().plusSeconds(1));
    fetcher.fetch(FetchRequest.page(url("/a")));

    server.verify(2, getRequestedFor(urlEqualTo("/robots.txt")));
  }

  @Test
  void waitsTheCrawlDelayBetweenRequestsToTheHost() {
    robots("User-agent: *\nCrawl-delay: 5\n");
    page("/a");
    PoliteFetcher fetcher = polite(FAST);

    fetcher.fetch(FetchRequest.page(url("/a")));
    fetcher.fetch(FetchRequest.page(url("/a")));

    // robots.txt -> page and page -> page: the 5 s Crawl-delay each time.
    assertThat(time.sleeps).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(5));
  }

  @Test
  void waitsTheCrawlDelayBeforeTheFirstRequestAfterRobotsTxt() {
    robots("User-agent: *\nCrawl-delay: 2\n");
    page("/a");
    PoliteFetcher fetcher = polite(FAST.withMinHostDelay(Duration.ofSeconds(1)));

    fetcher.fetch(FetchRequest.page(url("/a")));

    // the robots.txt request was paced with the 1 s minimum, before the Crawl-delay was known
    assertThat(time.sleeps).containsExactly(Duration.ofSeconds(2));
  }

  @Test
  void pacesARedirectHopBackToTheSameHost() {
    server.stubFor(get("/robots.txt").willReturn(aResponse().withStatus(404)));
    server.stubFor(
        get("/moved").willReturn(aResponse().withStatus(301).withHeader("Location", "/a")));
    page("/a");
    PoliteFetcher fetcher = polite(FAST.withMinHostDelay(Duration.ofSeconds(3)));

    FetchResult result = fetcher.fetch(FetchRequest.page(url("/moved")));

    assertThat(result.finalUrl()).isEqualTo(url("/a"));
    // robots.txt -> /moved, then /moved -> /a: each waits the host's 3 s
    assertThat(time.sleeps).containsExactly(Duration.ofSeconds(3), Duration.ofSeconds(3));
  }

  @Test
  void refusesLoopbackBeforeEvenAskingForRobotsTxt() {
    PoliteFetcher guarded = PoliteFetcher.create(FetchSettings.defaults(), Politeness.defaults());

    assertThatThrownBy(() -> guarded.fetch(FetchRequest.page(url("/a"))))
        .satisfies(e -> assertThat(reason(e)).isEqualTo("ssrf"));
    assertThat(server.getAllServeEvents()).isEmpty();
  }

  // --- retries

  @Test
  void retriesA429AfterItsRetryAfter() {
    server.stubFor(
        get("/a")
            .inScenario("limit")
            .whenScenarioStateIs(STARTED)
            .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "20"))
            .willSetStateTo("open"));
    server.stubFor(
        get("/a")
            .inScenario("limit")
            .whenScenarioStateIs("open")
            .willReturn(aResponse().withHeader("Content-Type", "text/html").withBody("<p>ok</p>")));

    FetchResult result = polite(FAST.withObeyRobots(false)).fetch(FetchRequest.page(url("/a")));

    assertThat(result.status()).isEqualTo(200);
    assertThat(time.sleeps).containsExactly(Duration.ofSeconds(20));
  }

  @Test
  void retriesA503WithBackoffThenSucceeds() {
    server.stubFor(
        get("/a")
            .inScenario("flaky")
            .whenScenarioStateIs(STARTED)
            .willReturn(aResponse().withStatus(503))
            .willSetStateTo("ok"));
    server.stubFor(
        get("/a")
            .inScenario("flaky")
            .whenScenarioStateIs("ok")
            .willReturn(aResponse().withHeader("Content-Type", "text/html").withBody("<p>ok</p>")));

    FetchResult result = polite(FAST.withObeyRobots(false)).fetch(FetchRequest.page(url("/a")));

    assertThat(result.status()).isEqualTo(200);
    assertThat(time.sleeps)
        .singleElement()
        .satisfies(d -> assertThat(d).isBetween(Duration.ofMillis(500), Duration.ofSeconds(1)));
    server.verify(2, getRequestedFor(urlEqualTo("/a")));
  }

  @Test
  void givesUpAfterTheLastRetryWithTheServersStatus() {
    server.stubFor(get("/a").willReturn(aResponse().withStatus(502)));

    assertThatThrownBy(() -> polite(FAST.withObeyRobots(false)).fetch(FetchRequest.page(url("/a"))))
        .satisfies(
            e -> {
              assertThat(reason(e)).isEqualTo("http-502");
              assertThat(((FetchException) e).retryable()).isTrue();
            });
    server.verify(4, getRequestedFor(urlEqualTo("/a")));
    assertThat(time.sleeps).hasSize(3);
  }

  @Test
  void retriesA500LikeEveryPassingFault() {
    server.stubFor(get("/a").willReturn(aResponse().withStatus(500)));

    assertThatThrownBy(() -> polite(FAST.withObeyRobots(false)).fetch(FetchRequest.page(url("/a"))))
        .satisfies(e -> assertThat(((FetchException) e).retryable()).isTrue());
    server.verify(4, getRequestedFor(urlEqualTo("/a")));
  }

  @Test
  void doesNotRetryOther4xx() {
    server.stubFor(get("/a").willReturn(aResponse().withStatus(404)));

    assertThatThrownBy(() -> polite(FAST.withObeyRobots(false)).fetch(FetchRequest.page(url("/a"))))
        .satisfies(e -> assertThat(((FetchException) e).retryable()).isFalse());
    server.verify(1, getRequestedFor(urlEqualTo("/a")));
    assertThat(time.sleeps).isEmpty();
  }

  @Test
  void retriesAConnectionResetAndReportsItAsPassing() {
    server.stubFor(get("/a").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

    assertThatThrownBy(() -> polite(FAST.withObeyRobots(false)).fetch(FetchRequest.page(url("/a"))))
        .satisfies(
            e -> {
              assertThat(reason(e)).isIn("io", "connect");
              assertThat(((FetchException) e).retryable()).isTrue();
            });
    assertThat(time.sleeps).hasSize(3);
  }

  @Test
  void retriesARefusedConnectionThenReportsIt() throws IOException {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = s.getLocalPort();
    }

    assertThatThrownBy(
            () ->
                polite(FAST.withObeyRobots(false))
                    .fetch(FetchRequest.page("http://127.0.0.1:" + closedPort + "/")))
        .satisfies(e -> assertThat(reason(e)).isEqualTo("connect"));
    assertThat(time.sleeps).hasSize(3);
  }

  @Test
  void givesUpAtOnceOnARetryAfterTooLongAndRestsTheHost() {
    server.stubFor(
        get("/a").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3600")));
    page("/b");
    PoliteFetcher fetcher = polite(FAST.withObeyRobots(false));

    assertThatThrownBy(() -> fetcher.fetch(FetchRequest.page(url("/a"))))
        .satisfies(e -> assertThat(reason(e)).isEqualTo("http-429"));
    assertThatThrownBy(() -> fetcher.fetch(FetchRequest.page(url("/b"))))
        .satisfies(e -> assertThat(reason(e)).isEqualTo("rate-limited"));
    assertThat(time.sleeps).isEmpty();
    server.verify(0, getRequestedFor(urlEqualTo("/b")));
  }

  @Test
  void restsTheHostForARetryAfterEvenWithoutRetrying() {
    server.stubFor(
        get("/a").willReturn(aResponse().withStatus(503).withHeader("Retry-After", "30")));
    page("/b");
    PoliteFetcher fetcher =
        polite(
            FAST.withObeyRobots(false)
                .withRetries(
                    0, Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofMinutes(2)));

    assertThatThrownBy(() -> fetcher.fetch(FetchRequest.page(url("/a"))))
        .satisfies(e -> assertThat(reason(e)).isEqualTo("http-503"));
    fetcher.fetch(FetchRequest.page(url("/b")));

    assertThat(time.sleeps).containsExactly(Duration.ofSeconds(30));
  }

  @Test
  void passesThroughA304() {
    server.stubFor(get("/a").willReturn(aResponse().withStatus(304)));

    FetchResult result =
        polite(FAST.withObeyRobots(false))
            .fetch(new FetchRequest(url("/a"), FetchRequest.Kind.PAGE, "\"x\"", null));

    assertThat(result.notModified()).isTrue();
  }
}
