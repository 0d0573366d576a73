package dev.pulse.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A news site on 127.0.0.1 at a free port for the process-level tests: an RSS feed with an ETag
 * (answering 304 to it) listing {@code n} articles, each a page with text of its own (random
 * pseudo-words, so no two are near-duplicates). Article pages can be slowed down so a run is still
 * going when the test stops it, and it counts what it served.
 */
final class LoopbackNewsSite implements AutoCloseable {

  static final String ETAG = "\"feed-v1\"";

  private final HttpServer server;
  private final int articles;
  private volatile long articleDelayMillis;
  private volatile boolean trickle;
  private volatile boolean cyrillic;
  final AtomicInteger articlesServed = new AtomicInteger();
  final AtomicInteger feedFull = new AtomicInteger();
  final AtomicInteger feedNotModified = new AtomicInteger();

  LoopbackNewsSite(int articles, long articleDelayMillis) throws IOException {
    this.articles = articles;
    this.articleDelayMillis = articleDelayMillis;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(16));
    server.createContext("/", this::handle);
    server.start();
  }

  String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /**
   * From now on, article pages are served as windows-1251 bytes in Russian, with no charset
   * declared anywhere (neither the Content-Type header nor the page).
   */
  void servesUndeclaredWindows1251() {
    cyrillic = true;
  }

  void articleDelay(long millis) {
    articleDelayMillis = millis;
  }

  /**
   * Article pages trickle: the headers at once, then one byte every 100 ms (for at most 60 s), as a
   * server that is overloaded or hostile does.
   */
  void trickle(boolean value) {
    trickle = value;
  }

  /** A config for this site: one feed of all the articles, loopback allowed, no pacing. */
  String config(String taxonomy, String extra) {
    return """
        user_agent: "PulseFaultTest/1 (+https://pulse.example/contact)"
        taxonomy: %s
        fetch:
          allow: ["127.0.0.1"]
          min_host_delay: 0s
        sources:
          - name: Loopback Ledger
            url: %s/feed.xml
            max_items: %d
        %s
        """
        .formatted(taxonomy, base(), articles, extra);
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String path = ex.getRequestURI().getPath();
      if (path.equals("/feed.xml")) {
        if (ETAG.equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
          feedNotModified.incrementAndGet();
          ex.sendResponseHeaders(304, -1);
          return;
        }
        feedFull.incrementAndGet();
        ex.getResponseHeaders().set("ETag", ETAG);
        send(ex, 200, "application/rss+xml", feed());
      } else if (path.startsWith("/a/")) {
        articlesServed.incrementAndGet();
        sleep(articleDelayMillis);
        int n = Integer.parseInt(path.substring(3, path.indexOf('.')));
        if (trickle) {
          trickle(ex, article(n));
        } else if (cyrillic) {
          byte[] bytes =
              cyrillicArticle(n).getBytes(java.nio.charset.Charset.forName("windows-1251"));
          send(ex, 200, "text/html", bytes);
        } else {
          send(ex, 200, "text/html; charset=utf-8", article(n));
        }
      } else {
        send(ex, 404, "text/plain", "not found");
      }
    }
  }

  private String feed() {
    StringBuilder sb = new StringBuilder("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel>");
    sb.append("<title>Loopback Ledger</title><link>").append(base()).append("/</link>");
    OffsetDateTime t = OffsetDateTime.of(2026, 11, 29, 12, 0, 0, 0, ZoneOffset.UTC);
    for (int i = 0; i < articles; i++) {
      sb.append("<item><title>Story ")
          .append(i)
          .append("</title><link>")
          .append(base())
          .append("/a/")
          .append(i)
          .append(".html</link><pubDate>")
          .append(java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(t.minusMinutes(i)))
          .append("</pubDate></item>");
    }
    return sb.append("</channel></rss>").toString();
  }

  /** The Russian title of article {@code n} when pages are served in windows-1251. */
  static String cyrillicTitle(int n) {
    return "Новость " + n + ": городской совет утвердил бюджет на следующий год";
  }

  private static String cyrillicArticle(int n) {
    String paragraph =
        "<p>Депутаты городского совета в четверг утвердили бюджет на следующий год. Расходы на"
            + " школы и больницы вырастут, а ремонт дорог начнётся весной. Жители района"
            + " обсуждали план на открытом собрании, и многие поддержали решение совета.</p>\n";
    return "<!doctype html><html lang=\"ru\"><head><title>"
        + cyrillicTitle(n)
        + "</title></head><body><article><h1>"
        + cyrillicTitle(n)
        + "</h1>\n"
        + paragraph.repeat(4)
        + "</article></body></html>";
  }

  static String article(int n) {
    Random r = new Random(1000L + n);
    StringBuilder body = new StringBuilder();
    for (int p = 0; p < 4; p++) {
      body.append("<p>");
      for (int s = 0; s < 3; s++) {
        body.append(sentence(r)).append(' ');
      }
      body.append("</p>\n");
    }
    String title = "Story " + n + " " + word(r) + " " + word(r);
    return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>"
        + title
        + "</title></head><body><article><h1>"
        + title
        + "</h1>\n"
        + body
        + "</article></body></html>";
  }

  private static String sentence(Random r) {
    StringBuilder sb = new StringBuilder();
    int words = 9 + r.nextInt(6);
    for (int i = 0; i < words; i++) {
      String w = word(r);
      sb.append(i == 0 ? Character.toUpperCase(w.charAt(0)) + w.substring(1) : w);
      sb.append(i == words - 1 ? "." : " ");
    }
    return sb.toString();
  }

  private static String word(Random r) {
    String consonants = "bcdfghklmnprstvz";
    String vowels = "aeiou";
    StringBuilder w = new StringBuilder();
    int syllables = 1 + r.nextInt(3);
    for (int i = 0; i < syllables; i++) {
      w.append(consonants.charAt(r.nextInt(consonants.length())));
      w.append(vowels.charAt(r.nextInt(vowels.length())));
    }
    return w.toString();
  }

  static void send(HttpExchange ex, int status, String type, String body) throws IOException {
    send(ex, status, type, body.getBytes(StandardCharsets.UTF_8));
  }

  private static void send(HttpExchange ex, int status, String type, byte[] bytes)
      throws IOException {
    ex.getResponseHeaders().set("Content-Type", type);
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static void trickle(HttpExchange ex, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
    ex.sendResponseHeaders(200, bytes.length);
    OutputStream out = ex.getResponseBody();
    for (int i = 0; i < Math.min(bytes.length, 600); i++) {
      out.write(bytes[i]);
      out.flush(); // throws once the client has hung up
      sleep(100);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
