package dev.pulse.fetch;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.Fault;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class HttpFetcherTest extends FetcherContract {

  private static final String HTML =
      "<!doctype html><html><head><title>t</title></head><body>é</body></html>";

  private final HttpFetcher fetcher =
      new HttpFetcher(FetchSettings.defaults().withAllow(List.of("127.0.0.1")));

  @Override
  Fetcher fetcher(FetchSettings settings) {
    return new HttpFetcher(settings);
  }

  @Test
  void fetchesAPageWithValidatorsAndUserAgent() {
    server.stubFor(
        get("/a")
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "text/html; charset=utf-8")
                    .withHeader("ETag", "\"v1\"")
                    .withHeader("Last-Modified", "Wed, 25 Nov 2026 10:00:00 GMT")
                    .withBody(HTML)));

    FetchResult result = fetcher.fetch(FetchRequest.page(url("/a")));

    assertThat(result.status()).isEqualTo(200);
    assertThat(result.contentType()).isEqualTo("text/html");
    assertThat(result.text()).contains("<body>é</body>");
    assertThat(result.etag()).isEqualTo("\"v1\"");
    assertThat(result.lastModified()).isEqualTo("Wed, 25 Nov 2026 10:00:00 GMT");
    server.verify(
        getRequestedFor(urlEqualTo("/a"))
            .withHeader("User-Agent", equalTo(FetchSettings.DEFAULT_USER_AGENT)));
  }

  @Test
  void sendsValidatorsAndReportsNotModified() {
    server.stubFor(
        get("/c")
            .withHeader("If-None-Match", equalTo("\"v1\""))
            .withHeader("If-Modified-Since", equalTo("Wed, 25 Nov 2026 10:00:00 GMT"))
            .willReturn(aResponse().withStatus(304)));

    FetchResult result =
        fetcher.fetch(
            new FetchRequest(
                url("/c"), FetchRequest.Kind.FEED, "\"v1\"", "Wed, 25 Nov 2026 10:00:00 GMT"));

    assertThat(result.notModified()).isTrue();
    assertThat(result.body()).isEmpty();
    assertThat(result.etag()).isEqualTo("\"v1\"");
  }

  @Test
  void refusesABodyLargerThanTheLimitWithoutContentLength() {
    server.stubFor(
        get("/big")
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "text/html")
                    .withChunkedDribbleDelay(4, 1)
                    .withBody("x".repeat(4096))));
    HttpFetcher small =
        new HttpFetcher(
            FetchSettings.defaults().withAllow(List.of("127.0.0.1")).withMaxBodyBytes(1000));

    assertThatThrownBy(() -> small.fetch(FetchRequest.page(url("/big"))))
        .isInstanceOfSatisfying(
            FetchException.class, e -> assertThat(e.reason()).isEqualTo("too-large"));
  }

  @Test
  void namesSizesForPeopleWhenABodyIsTooLarge() {
    server.stubFor(
        get("/big")
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "text/html")
                    .withHeader("Content-Length", "3000")
                    .withBody("x".repeat(3000))));
    HttpFetcher small =
        new HttpFetcher(
            FetchSettings.defaults().withAllow(List.of("127.0.0.1")).withMaxBodyBytes(2048));

    assertThatThrownBy(() -> small.fetch(FetchRequest.page(url("/big"))))
        .isInstanceOfSatisfying(
            FetchException.class,
            e ->
                assertThat(e.detail())
                    .isEqualTo(
                        "body of 2.9 KB (Content-Length) larger than 2 KB (fetch.max_body)"));
  }

  @Test
  void refusesABodyWhoseContentLengthIsOverTheLimit() {
    server.stubFor(
        get("/big2")
            .willReturn(
                aResponse().withHeader("Content-Type", "text/html").withBody("y".repeat(5000))));
    HttpFetcher small =
        new HttpFetcher(
            FetchSettings.defaults().withAllow(List.of("127.0.0.1")).withMaxBodyBytes(1000));

    assertThatThrownBy(() -> small.fetch(FetchRequest.page(url("/big2"))))
        .isInstanceOfSatisfying(
            FetchException.class, e -> assertThat(e.reason()).isEqualTo("too-large"));
  }

  @Test
  void refusesAGzipBombThatInflatesPastTheLimit() throws Exception {
    server.stubFor(
        get("/bomb")
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "text/html")
                    .withHeader("Content-Encoding", "gzip")
                    .withBody(gzip("a".repeat(200_000).getBytes(StandardCharsets.US_ASCII)))));
    HttpFetcher small =
        new HttpFetcher(
            FetchSettings.defaults().withAllow(List.of("127.0.0.1")).withMaxBodyBytes(10_000));

    assertThatThrownBy(() -> small.fetch(FetchRequest.page(url("/bomb"))))
        .isInstanceOfSatisfying(
            FetchException.class, e -> assertThat(e.reason()).isEqualTo("too-large"));
  }

  @Test
  void refusesAWrongContentTypeForAPage() {
    server.stubFor(
        get("/img")
            .willReturn(aResponse().withHeader("Content-Type", "image/png").withBody("PNG")));

    assertThatThrownBy(() -> fetcher.fetch(FetchRequest.page(url("/img"))))
        .isInstanceOfSatisfying(
            FetchException.class, e -> assertThat(e.reason()).isEqualTo("content-type"));
  }

  @Test
  void acceptsXmlForAFeedButNotForAPage() {
    server.stubFor(
        get("/feed")
            .willReturn(
                aResponse().withHeader("Content-Type", "application/rss+xml").withBody("<rss/>")));

    assertThat(fetcher.fetch(FetchRequest.feed(url("/feed"))).contentType())
        .isEqualTo("application/rss+xml");
    assertThatThrownBy(() -> fetcher.fetch(FetchRequest.page(url("/feed"))))
        .isInstanceOfSatisfying(
            FetchException.class, e -> assertThat(e.reason()).isEqualTo("content-type"));
  }

  @Test
  void detectsARedirectLoop() {
    server.stubFor(
        get("/r1").willReturn(aResponse().withStatus(302).withHeader("Location", "/r2")));
    server.stubFor(
        get("/r2").willReturn(aResponse().withStatus(301).withHeader("Location", url("/r1"))));

    assertThatThrownBy(() -> fetcher.fetch(FetchRequest.page(url("/r1"))))
        .isInstanceOfSatisfying(
            FetchException.class, e -> assertThat(e.reason()).isEqualTo("redirect-loop"));
  }

  @Test
  void stopsAfterTheRedirectLimit() {
    for (int i = 0; i < 10; i++) {
      server.stubFor(
          get("/hop" + i)
              .willReturn(aResponse().withStatus(307).withHeader("Location", "/hop" + (i + 1))));
    }
    HttpFetcher twoHops =
        new HttpFetcher(
            FetchSettings.defaults().withAllow(List.of("127.0.0.1")).withMaxRedirects(2));

    assertThatThrownBy(() -> twoHops.fetch(FetchRequest.page(url("/hop0"))))
        .isInstanceOfSatisfying(
            FetchException.class, e -> assertThat(e.reason()).isEqualTo("too-many-redirects"));
  }

  @Test
  void followsARedirectAndReportsTheFinalUrl() {
    server.stubFor(
        get("/old").willReturn(aResponse().withStatus(301).withHeader("Location", "/new")));
    server.stubFor(
        get("/new").willReturn(aResponse().withHeader("Content-Type", "text/html").withBody(HTML)));

    FetchResult result = fetcher.fetch(FetchRequest.page(url("/old")));

    assertThat(result.requestedUrl()).isEqualTo(url("/old"));
    assertThat(result.finalUrl()).isEqualTo(url("/new"));
  }

  @Test
  void decodesGzipAndDeflate() throws Exception {
    byte[] html = HTML.getBytes(StandardCharsets.UTF_8);
    server.stubFor(
        get("/gz")
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "text/html; charset=utf-8")
                    .withHeader("Content-Encoding", "gzip")
                    .withBody(gzip(html))));
    server.stubFor(
        get("/df")
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "text/html; charset=utf-8")
                    .withHeader("Content-Encoding", "deflate")
                    .withBody(deflate(html))));

    assertThat(fetcher.fetch(FetchRequest.page(url("/gz"))).text()).isEqualTo(HTML);
    assertThat(fetcher.fetch(FetchRequest.page(url("/df"))).text()).isEqualTo(HTML);
  }

  @Test
  void takesTheCharsetFromTheHeader() {
    server.stubFor(
        get("/latin")
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "text/html; charset=ISO-8859-15")
                    .withBody("<p>€ é</p>".getBytes(Charset.forName("ISO-8859-15")))));

    assertThat(fetcher.fetch(FetchRequest.page(url("/latin"))).text()).isEqualTo("<p>€ é</p>");
  }

  @Test
  void takesTheCharsetFromAMetaTagWhenTheHeaderHasNone() {
    String page = "<html><head><meta charset=\"windows-1251\"></head><body>Привет</body></html>";
    server.stubFor(
        get("/ru")
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "text/html")
                    .withBody(page.getBytes(Charset.forName("windows-1251")))));

    FetchResult result = fetcher.fetch(FetchRequest.page(url("/ru")));

    assertThat(result.charset()).isEqualTo(Charset.forName("windows-1251"));
    assertThat(result.text()).contains("Привет");
  }

  @Test
  void takesTheCharsetFromAByteOrderMark() {
    byte[] bom = {(byte) 0xFF, (byte) 0xFE};
    byte[] text = "<html>ü</html>".getBytes(StandardCharsets.UTF_16LE);
    byte[] body = new byte[bom.length + text.length];
    System.arraycopy(bom, 0, body, 0, 2);
    System.arraycopy(text, 0, body, 2, text.length);
    server.stubFor(
        get("/bom").willReturn(aResponse().withHeader("Content-Type", "text/html").withBody(body)));

    FetchResult result = fetcher.fetch(FetchRequest.page(url("/bom")));

    assertThat(result.charset()).isEqualTo(StandardCharsets.UTF_16LE);
    assertThat(result.text()).isEqualTo("<html>ü</html>");
  }

  @Test
  void fallsBackToWindows1252ForUnlabelledNonUtf8Bytes() {
    server.stubFor(
        get("/old-page")
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "text/html")
                    .withBody(
                        "<p>caf\u00e9 \u2019</p>".getBytes(Charset.forName("windows-1252")))));

    assertThat(fetcher.fetch(FetchRequest.page(url("/old-page"))).text())
        .isEqualTo("<p>caf\u00e9 \u2019</p>");
  }

  @Test
  void detectsWindows1251OnAPageThatDeclaresNoCharset() {
    server.stubFor(
        get("/ru-plain")
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "text/html")
                    .withBody(
                        CharsetSnifferTest.RUSSIAN_PAGE.getBytes(
                            Charset.forName("windows-1251")))));

    FetchResult result = fetcher.fetch(FetchRequest.page(url("/ru-plain")));

    assertThat(result.charset()).isEqualTo(Charset.forName("windows-1251"));
    assertThat(result.text()).isEqualTo(CharsetSnifferTest.RUSSIAN_PAGE);
  }

  @Test
  void utf8BytesBeatALegacyCharsetInTheHeader() {
    String page = "<html><body><p>Crème brûlée, 北京</p></body></html>";
    server.stubFor(
        get("/resaved")
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "text/html; charset=iso-8859-1")
                    .withBody(page.getBytes(StandardCharsets.UTF_8))));

    assertThat(fetcher.fetch(FetchRequest.page(url("/resaved"))).text()).isEqualTo(page);
  }

  @Test
  void cutsOffAServerThatTricklesPastTheDeadline() {
    server.stubFor(
        get("/slow")
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "text/html")
                    .withBody("z".repeat(2000))
                    .withChunkedDribbleDelay(20, 5000)));
    HttpFetcher impatient =
        new HttpFetcher(
            FetchSettings.defaults()
                .withAllow(List.of("127.0.0.1"))
                .withTimeouts(
                    Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofMillis(700)));

    assertThatThrownBy(() -> impatient.fetch(FetchRequest.page(url("/slow"))))
        .isInstanceOfSatisfying(
            FetchException.class, e -> assertThat(e.reason()).isEqualTo("timeout"));
  }

  @Test
  void reportsAnErrorStatusWithItsRetryAfter() {
    server.stubFor(
        get("/busy").willReturn(aResponse().withStatus(503).withHeader("Retry-After", "7")));

    assertThatThrownBy(() -> fetcher.fetch(FetchRequest.page(url("/busy"))))
        .isInstanceOfSatisfying(
            HttpStatusException.class,
            e -> {
              assertThat(e.reason()).isEqualTo("http-503");
              assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(7));
            });
  }

  @ParameterizedTest
  @EnumSource(
      value = Fault.class,
      names = {"RANDOM_DATA_THEN_CLOSE", "MALFORMED_RESPONSE_CHUNK", "EMPTY_RESPONSE"})
  void turnsABrokenResponseIntoAFetchException(Fault fault) {
    server.stubFor(get("/broken").willReturn(aResponse().withFault(fault)));

    assertThatThrownBy(() -> fetcher.fetch(FetchRequest.page(url("/broken"))))
        .isInstanceOfSatisfying(
            FetchException.class, e -> assertThat(e.reason()).isIn("io", "connect"));
  }

  @Test
  void refusesLoopbackByDefault() {
    HttpFetcher guarded = new HttpFetcher(FetchSettings.defaults());

    assertThatThrownBy(() -> guarded.fetch(FetchRequest.page(url("/a"))))
        .isInstanceOfSatisfying(
            FetchException.class, e -> assertThat(e.reason()).isEqualTo("ssrf"));
    assertThat(server.getAllServeEvents()).isEmpty();
  }

  @Test
  void refusesARedirectToLoopbackFromAnAllowedHost() {
    // "localhost" is allowed by name; the hop to 127.0.0.1 is checked on its own and refused.
    server.stubFor(
        get("/out").willReturn(aResponse().withStatus(302).withHeader("Location", url("/a"))));
    HttpFetcher byName = new HttpFetcher(FetchSettings.defaults().withAllow(List.of("localhost")));

    String page = "http://localhost:" + server.getPort() + "/out";

    assertThatThrownBy(() -> byName.fetch(FetchRequest.page(page)))
        .isInstanceOfSatisfying(
            FetchException.class,
            e -> {
              assertThat(e.reason()).isEqualTo("ssrf");
              assertThat(e.url()).isEqualTo(page);
              assertThat(e.detail())
                  .isEqualTo(
                      "a redirect from "
                          + page
                          + " to "
                          + url("/a")
                          + " was refused: 127.0.0.1 is a loopback, private, link-local or"
                          + " reserved address")
                  .doesNotContain("allow");
            });
    assertThat(server.getAllServeEvents()).hasSize(1);
  }

  @Test
  void refusesSchemesOtherThanHttp() {
    assertThatThrownBy(() -> fetcher.fetch(FetchRequest.page("file:///etc/passwd")))
        .isInstanceOfSatisfying(
            FetchException.class, e -> assertThat(e.reason()).isEqualTo("invalid-url"));
  }

  @Test
  void refusesAStoredValidatorThatCannotBeAHeader() {
    assertThatThrownBy(
            () ->
                fetcher.fetch(
                    new FetchRequest(
                        url("/a"), FetchRequest.Kind.PAGE, "\"x\"\r\nX-Evil: 1", null)))
        .isInstanceOfSatisfying(
            FetchException.class, e -> assertThat(e.reason()).isEqualTo("invalid-url"));
  }

  @Test
  void readsAnInternationalisedHostAsPunycode() {
    assertThat(HttpFetcher.toUri("https://bücher.example/a?b=1").getHost())
        .isEqualTo("xn--bcher-kva.example");
  }

  @Test
  void reportsANameThatDoesNotResolve() {
    assertThatThrownBy(() -> fetcher.fetch(FetchRequest.page("http://no-such-host.invalid/")))
        .isInstanceOfSatisfying(
            FetchException.class, e -> assertThat(e.reason()).isEqualTo("unknown-host"));
  }

  static byte[] gzip(byte[] data) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(data);
    }
    return out.toByteArray();
  }

  static byte[] deflate(byte[] data) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (DeflaterOutputStream df = new DeflaterOutputStream(out)) {
      df.write(data);
    }
    return out.toByteArray();
  }
}
