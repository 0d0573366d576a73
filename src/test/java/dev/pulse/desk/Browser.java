package dev.pulse.desk;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A plain HTTP client with its own cookie jar, standing in for one browser. No redirects. */
final class Browser {

  private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

  final CookieManager cookies = new CookieManager();

  /** Headers sent with every request (e.g. a proxy's X-Forwarded-For). */
  final Map<String, String> headers = new java.util.concurrent.ConcurrentHashMap<>();

  private final HttpClient http;
  private final String base;

  Browser(String base) {
    this.base = base;
    this.http =
        HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
  }

  /** GETs a page; a public page once the site is rendered (see {@link DeskFixture#settle}). */
  HttpResponse<String> get(String path) {
    if (!path.startsWith("/desk")) {
      DeskFixture.settle(base);
    }
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
  }

  /** GETs a public page at once, rendered or not. */
  HttpResponse<String> getPublicNow(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
  }

  HttpResponse<String> send(String method, String path, Map<String, String> form) {
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .method(method, HttpRequest.BodyPublishers.ofString(encode(form))));
  }

  HttpResponse<String> post(String path, Map<String, String> form) {
    return send("POST", path, form);
  }

  /** Posts a form with the CSRF token of the page at {@code formPage}. */
  HttpResponse<String> postFrom(String formPage, String path, Map<String, String> form) {
    Map<String, String> all = new LinkedHashMap<>(form);
    all.put("csrf", csrf(get(formPage).body()));
    return post(path, all);
  }

  HttpResponse<String> login(String name, String password) {
    return postFrom("/desk/login", "/desk/login", Map.of("name", name, "password", password));
  }

  String sessionId() {
    return cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals(Security.SESSION_COOKIE))
        .map(java.net.HttpCookie::getValue)
        .findFirst()
        .orElse(null);
  }

  static String csrf(String html) {
    Matcher m = CSRF.matcher(html);
    if (!m.find()) {
      throw new AssertionError("no CSRF field in page:\n" + html);
    }
    return m.group(1);
  }

  private HttpResponse<String> send(HttpRequest.Builder b) {
    headers.forEach(b::header);
    try {
      return http.send(
          b.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String encode(Map<String, String> form) {
    return form.entrySet().stream()
        .map(
            e ->
                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }
}
