package dev.pulse.fetch;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What every {@link Fetcher} promises, run against a WireMock server on loopback. Implementations
 * extend this and build themselves from the given settings.
 */
abstract class FetcherContract {

  @RegisterExtension
  static WireMockExtension server =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").gzipDisabled(true))
          .build();

  static final FetchSettings LOOPBACK_OK = FetchSettings.defaults().withAllow(List.of("127.0.0.1"));

  /** The implementation under test, built from these settings. */
  abstract Fetcher fetcher(FetchSettings settings);

  static String url(String path) {
    return "http://127.0.0.1:" + server.getPort() + path;
  }

  @Test
  void contractReturnsTheBodyAndValidatorsOfAPage() {
    server.stubFor(
        get("/c/page")
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "text/html; charset=utf-8")
                    .withHeader("ETag", "\"e1\"")
                    .withBody("<p>contract</p>")));

    FetchResult result = fetcher(LOOPBACK_OK).fetch(FetchRequest.page(url("/c/page")));

    assertThat(result.status()).isEqualTo(200);
    assertThat(result.text()).isEqualTo("<p>contract</p>");
    assertThat(result.etag()).isEqualTo("\"e1\"");
    assertThat(result.finalUrl()).isEqualTo(url("/c/page"));
  }

  @Test
  void contractTurnsA304IntoNotModified() {
    server.stubFor(
        get("/c/same")
            .withHeader("If-None-Match", equalTo("\"e1\""))
            .willReturn(aResponse().withStatus(304)));

    FetchResult result =
        fetcher(LOOPBACK_OK)
            .fetch(new FetchRequest(url("/c/same"), FetchRequest.Kind.PAGE, "\"e1\"", null));

    assertThat(result.notModified()).isTrue();
  }

  @Test
  void contractReportsAnHttpErrorWithItsStatus() {
    server.stubFor(get("/c/gone").willReturn(aResponse().withStatus(410)));

    assertThatThrownBy(() -> fetcher(LOOPBACK_OK).fetch(FetchRequest.page(url("/c/gone"))))
        .isInstanceOfSatisfying(
            FetchException.class,
            e -> {
              assertThat(e.reason()).isEqualTo("http-410");
              assertThat(e.url()).isEqualTo(url("/c/gone"));
            });
  }

  @Test
  void contractRefusesAContentTypeNotAllowedForTheKind() {
    server.stubFor(
        get("/c/pdf")
            .willReturn(
                aResponse().withHeader("Content-Type", "application/pdf").withBody("%PDF")));

    assertThatThrownBy(() -> fetcher(LOOPBACK_OK).fetch(FetchRequest.page(url("/c/pdf"))))
        .isInstanceOfSatisfying(
            FetchException.class, e -> assertThat(e.reason()).isEqualTo("content-type"));
  }

  @Test
  void contractRefusesLoopbackUnlessAllowed() {
    server.stubFor(
        get("/c/page")
            .willReturn(aResponse().withHeader("Content-Type", "text/html").withBody("x")));

    assertThatThrownBy(
            () -> fetcher(FetchSettings.defaults()).fetch(FetchRequest.page(url("/c/page"))))
        .isInstanceOfSatisfying(
            FetchException.class, e -> assertThat(e.reason()).isEqualTo("ssrf"));
    server.verify(0, getRequestedFor(urlEqualTo("/c/page")));
  }
}
