package dev.pulse.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * News sites on several loopback addresses (127.0.0.2, 127.0.0.3, ...), each at a free port with
 * one feed of its own articles: the scale tests' hosts. Each host records when every request
 * reached it, so a test can check the spacing all workers together kept.
 */
final class LoopbackHosts implements AutoCloseable {

  private final List<HttpServer> servers = new ArrayList<>();
  private final List<List<Long>> arrivals = new ArrayList<>();
  private final List<List<String>> paths = new ArrayList<>();
  private final int perHost;

  /**
   * @param hosts how many (127.0.0.2 upwards)
   * @param perHost articles in each host's feed
   */
  LoopbackHosts(int hosts, int perHost) throws IOException {
    this.perHost = perHost;
    for (int h = 0; h < hosts; h++) {
      int host = h;
      List<Long> seen = new ArrayList<>();
      List<String> what = new ArrayList<>();
      arrivals.add(seen);
      paths.add(what);
      HttpServer server =
          HttpServer.create(
              new InetSocketAddress(InetAddress.getByName("127.0.0." + (h + 2)), 0), 0);
      server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
      server.createContext(
          "/",
          ex -> {
            long now = System.nanoTime();
            synchronized (seen) {
              seen.add(now);
              what.add(ex.getRequestURI().getPath());
            }
            handle(host, ex);
          });
      server.start();
      servers.add(server);
    }
  }

  String base(int host) {
    return "http://127.0.0." + (host + 2) + ":" + servers.get(host).getAddress().getPort();
  }

  int size() {
    return servers.size();
  }

  /** The sources: one feed per host. */
  String sourcesYaml() {
    StringBuilder sb = new StringBuilder("sources:\n");
    for (int h = 0; h < servers.size(); h++) {
      sb.append("  - name: Host ")
          .append(h)
          .append("\n    url: ")
          .append(base(h))
          .append("/feed.xml\n    max_items: ")
          .append(perHost)
          .append('\n');
    }
    return sb.toString();
  }

  /** The shortest time between two requests reaching the same host, over all hosts. */
  Duration closestRequests() {
    long least = Long.MAX_VALUE;
    for (List<Long> seen : arrivals) {
      List<Long> sorted;
      synchronized (seen) {
        sorted = new ArrayList<>(seen);
      }
      Collections.sort(sorted);
      for (int i = 1; i < sorted.size(); i++) {
        least = Math.min(least, sorted.get(i) - sorted.get(i - 1));
      }
    }
    return Duration.ofNanos(least);
  }

  /** The two requests to one host closest together, for a failure's message. */
  String closestPair() {
    long least = Long.MAX_VALUE;
    String pair = "none";
    for (int h = 0; h < arrivals.size(); h++) {
      List<Long> seen = arrivals.get(h);
      synchronized (seen) {
        for (int i = 0; i < seen.size(); i++) {
          for (int j = i + 1; j < seen.size() && j < i + 50; j++) {
            long gap = Math.abs(seen.get(j) - seen.get(i));
            if (gap < least) {
              least = gap;
              pair =
                  base(h)
                      + " "
                      + paths.get(h).get(i)
                      + " and "
                      + paths.get(h).get(j)
                      + " "
                      + gap / 1_000_000
                      + " ms apart";
            }
          }
        }
      }
    }
    return pair;
  }

  int requests() {
    return arrivals.stream().mapToInt(List::size).sum();
  }

  private void handle(int host, HttpExchange ex) throws IOException {
    try (ex) {
      String path = ex.getRequestURI().getPath();
      if (path.equals("/feed.xml")) {
        LoopbackNewsSite.send(ex, 200, "application/rss+xml", feed(host));
      } else if (path.startsWith("/a/")) {
        int n = Integer.parseInt(path.substring(3, path.indexOf('.')));
        LoopbackNewsSite.send(
            ex, 200, "text/html; charset=utf-8", LoopbackNewsSite.article(host * 100_000 + n));
      } else {
        LoopbackNewsSite.send(ex, 404, "text/plain", "not found");
      }
    }
  }

  private String feed(int host) {
    StringBuilder sb = new StringBuilder("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel>");
    sb.append("<title>Host ").append(host).append("</title><link>").append(base(host));
    sb.append("/</link>");
    OffsetDateTime t = OffsetDateTime.of(2026, 11, 29, 12, 0, 0, 0, ZoneOffset.UTC);
    for (int i = 0; i < perHost; i++) {
      sb.append("<item><title>Story ")
          .append(host)
          .append('-')
          .append(i)
          .append("</title><link>")
          .append(base(host))
          .append("/a/")
          .append(i)
          .append(".html</link><pubDate>")
          .append(java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(t.minusMinutes(i)))
          .append("</pubDate></item>");
    }
    return sb.append("</channel></rss>").toString();
  }

  @Override
  public void close() {
    servers.forEach(s -> s.stop(0));
  }
}
