package dev.pulse.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoServerTest {

  @TempDir Path dir;
  private final HttpClient http = HttpClient.newHttpClient();

  private HttpResponse<String> get(String url) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void servesFilesOnLoopbackAndFillsInTheBaseUrlInFeeds() throws Exception {
    Files.writeString(dir.resolve("feed.xml"), "<rss><link>{{BASE_URL}}/a.html</link></rss>");
    Files.writeString(dir.resolve("a.html"), "<p>{{BASE_URL}} stays in pages</p>");
    try (DemoServer s = DemoServer.start(dir, 0)) {
      assertThat(s.baseUrl()).startsWith("http://127.0.0.1:");
      HttpResponse<String> feed = get(s.baseUrl() + "/feed.xml");
      assertThat(feed.body()).isEqualTo("<rss><link>" + s.baseUrl() + "/a.html</link></rss>");
      assertThat(feed.headers().firstValue("content-type"))
          .hasValueSatisfying(t -> assertThat(t).contains("rss+xml"));
      HttpResponse<String> page = get(s.baseUrl() + "/a.html");
      assertThat(page.headers().firstValue("content-type"))
          .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
      assertThat(page.body()).contains("{{BASE_URL}}");
    }
  }

  @Test
  void refusesPathsOutsideItsFolder() throws Exception {
    Path inner = Files.createDirectory(dir.resolve("site"));
    Files.writeString(dir.resolve("secret.txt"), "secret");
    try (DemoServer s = DemoServer.start(inner, 0)) {
      assertThat(get(s.baseUrl() + "/../secret.txt").statusCode()).isEqualTo(404);
      assertThat(get(s.baseUrl() + "/%2e%2e/secret.txt").statusCode()).isEqualTo(404);
      assertThat(get(s.baseUrl() + "/missing.html").statusCode()).isEqualTo(404);
    }
  }

  @Test
  void answersAConditionalGetWithNotModified() throws Exception {
    Files.writeString(dir.resolve("a.html"), "<p>same</p>");
    try (DemoServer s = DemoServer.start(dir, 0)) {
      String etag = get(s.baseUrl() + "/a.html").headers().firstValue("etag").orElseThrow();
      HttpResponse<String> again =
          http.send(
              HttpRequest.newBuilder(URI.create(s.baseUrl() + "/a.html"))
                  .header("If-None-Match", etag)
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(again.statusCode()).isEqualTo(304);
    }
  }

  @Test
  void fallsBackToAFreePortWhenThePreferredOneIsTaken() throws Exception {
    try (DemoServer first = DemoServer.start(dir, 0)) {
      int taken = Integer.parseInt(first.baseUrl().replaceAll(".*:", ""));
      try (DemoServer second = DemoServer.start(dir, taken)) {
        assertThat(second.baseUrl()).isNotEqualTo(first.baseUrl());
      }
    }
  }
}
