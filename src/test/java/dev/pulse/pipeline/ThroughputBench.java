package dev.pulse.pipeline;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.pulse.analyze.llm.FakeOpenAiServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Throughput of {@code pulse run} against its bound, all on loopback: {@code --hosts} news sites on
 * 127.0.0.2, 127.0.0.3, ... (one RSS feed each, {@code --n} articles in all, pages of {@code
 * --page-kb} KB that honour conditional GETs) and a fake OpenAI server answering in {@code
 * --latency-ms} with {@code --rpm} requests a minute. Runs the real CLI in a child process (so
 * start-up counts, and its peak RSS and GC log can be read) for the LLM analyzer, then an unchanged
 * rerun, then the embedded analyzer on a fresh store. Prints one block of figures per run.
 *
 * <p>Bound of an LLM run: max(N / RPM, N / hosts × host delay, N × latency / max_concurrent). Of
 * an embedded run: the pacing, N / hosts × host delay.
 */
public final class ThroughputBench {

  private static final Pattern GC_AFTER = Pattern.compile("(\\d+)M->(\\d+)M\\(");

  private final int n;
  private final int hosts;
  private final Duration latency;
  private final int rpm;
  private final int concurrent;
  private final Duration hostDelay;
  private final int pageKb;
  private final String runs;
  private final Path work;
  private final ExecutorService pool = Executors.newCachedThreadPool();
  private final List<HttpServer> sites = new ArrayList<>();
  private final AtomicLong pages200 = new AtomicLong();
  private final AtomicLong answered304 = new AtomicLong();
  private final AtomicLong conditionalAsked = new AtomicLong();

  private ThroughputBench(Map<String, String> a) throws IOException {
    n = Integer.parseInt(a.getOrDefault("n", "1000"));
    hosts = Integer.parseInt(a.getOrDefault("hosts", "20"));
    latency = Duration.ofMillis(Long.parseLong(a.getOrDefault("latency-ms", "1000")));
    rpm = Integer.parseInt(a.getOrDefault("rpm", "600"));
    concurrent = Integer.parseInt(a.getOrDefault("concurrent", "10"));
    hostDelay = Duration.ofMillis(Long.parseLong(a.getOrDefault("host-delay-ms", "1000")));
    pageKb = Integer.parseInt(a.getOrDefault("page-kb", "150"));
    runs = a.getOrDefault("runs", "llm,rerun,embedded");
    work = Files.createTempDirectory("pulse-bench-");
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> a = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      a.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    new ThroughputBench(a).run();
  }

  private void run() throws Exception {
    List<String> feeds = startSites();
    System.out.printf(Locale.ROOT, "N=%d hosts=%d host_delay=%dms latency=%dms rpm=%d max_concurrent=%d page=%dKB cores=%d load=%s%n",
        n, hosts, hostDelay.toMillis(), latency.toMillis(), rpm, concurrent, pageKb,
        Runtime.getRuntime().availableProcessors(), Files.readString(Path.of("/proc/loadavg")).strip());
    try (FakeOpenAiServer llm = new FakeOpenAiServer(latency, rpm, "Science")) {
      Path config = writeConfig(feeds);
      if (runs.contains("llm")) {
        double bound = Math.max(Math.max(n * 60.0 / rpm, (double) n / hosts * hostDelay.toMillis() / 1000.0),
            n * latency.toMillis() / 1000.0 / concurrent);
        Result r = pulse(config, work.resolve("llm.db"), "llm", llm);
        print("llm", r, bound, llm);
      }
      if (runs.contains("rerun")) {
        llm.resetCounts();
        pages200.set(0);
        answered304.set(0);
        conditionalAsked.set(0);
        Result r = pulse(config, work.resolve("llm.db"), "llm", llm);
        System.out.printf(Locale.ROOT, "rerun: wall %.2f s, LLM calls %d, conditional answers %d/%d (304), full answers %d, max RSS %d MB, heap after GC %d MB, exit %d%n",
            r.wallSeconds, llm.requests(), answered304.get(), conditionalAsked.get(), pages200.get(), r.maxRssMb, r.heapAfterGcMb, r.exit);
        System.out.println("  " + r.summaryLine);
      }
      if (runs.contains("embedded")) {
        double bound = (double) n / hosts * hostDelay.toMillis() / 1000.0;
        Result r = pulse(config, work.resolve("embedded.db"), "embedded", null);
        print("embedded (bound: pacing)", r, bound, null);
      }
    } finally {
      sites.forEach(s -> s.stop(0));
      pool.shutdownNow();
    }
  }

  private void print(String what, Result r, double bound, FakeOpenAiServer llm) {
    System.out.printf(Locale.ROOT, "%s: wall %.1f s, bound %.1f s, ratio %.2f", what, r.wallSeconds, bound, bound / r.wallSeconds);
    if (llm != null) {
      System.out.printf(Locale.ROOT, ", LLM requests %d, peak in flight %d, mean in flight %.2f, 429s %d, first request after %.1f s",
          llm.requests(), llm.peakInFlight(), llm.meanInFlight(), llm.rejected(),
          llm.firstRequestNanos() < 0 ? -1 : (llm.firstRequestNanos() - r.startNanos) / 1e9);
    }
    System.out.printf(Locale.ROOT, ", max RSS %d MB, heap after GC %d MB, exit %d%n", r.maxRssMb, r.heapAfterGcMb, r.exit);
    System.out.println("  " + r.summaryLine);
    if (r.pace != null) {
      System.out.println("  " + r.pace);
    }
  }

  private record Result(double wallSeconds, long startNanos, long maxRssMb, long heapAfterGcMb, int exit, String summaryLine, String pace) {}

  private Result pulse(Path config, Path db, String analyzer, FakeOpenAiServer llm) throws Exception {
    Path gc = work.resolve(analyzer + "-" + System.nanoTime() + "-gc.log");
    Path out = work.resolve("out.txt");
    List<String> cmd = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx1g", "-Xlog:gc:file=" + gc,
        "-cp", System.getProperty("bench.cp", System.getProperty("java.class.path")),
        "dev.pulse.cli.PulseCli", "run", "--config", config.toString(), "--db", db.toString(),
        "--analyzer", analyzer, "--no-site"));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile());
    pb.environment().remove("OPENAI_API_KEY");
    if (llm != null) {
      pb.environment().put("OPENAI_BASE_URL", llm.baseUrl());
      pb.environment().put("OPENAI_API_KEY", "sk-bench-000000000000");
    }
    long start = System.nanoTime();
    Process p = pb.start();
    long rssKb = 0;
    while (!p.waitFor(100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
      rssKb = Math.max(rssKb, peakRssKb(p.pid()));
    }
    double wall = (System.nanoTime() - start) / 1e9;
    String output = Files.readString(out);
    String summary =
        output.lines().filter(l -> l.startsWith("run ") || l.contains("fetched=")).reduce((x, y) -> x + "\n  " + y).orElse("");
    String pace = output.lines().filter(l -> l.startsWith("pace:")).findFirst().orElse(null);
    if (p.exitValue() != 0) {
      System.out.println(output.lines().limit(40).reduce("", (x, y) -> x + "\n    " + y));
    }
    return new Result(wall, start, rssKb / 1024, heapAfterGc(gc), p.exitValue(), summary.strip(), pace);
  }

  private static long peakRssKb(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | RuntimeException e) {
      // the process has just ended
    }
    return 0;
  }

  /** The largest heap left after any collection: the run's peak live set, as the GC saw it. */
  private static long heapAfterGc(Path gcLog) throws IOException {
    long max = 0;
    if (!Files.exists(gcLog)) {
      return -1;
    }
    for (String line : Files.readAllLines(gcLog)) {
      Matcher m = GC_AFTER.matcher(line);
      if (m.find()) {
        max = Math.max(max, Long.parseLong(m.group(2)));
      }
    }
    return max;
  }

  private Path writeConfig(List<String> feeds) throws IOException {
    StringBuilder y = new StringBuilder();
    y.append("taxonomy: ").append(Path.of("data/categories.yml").toAbsolutePath()).append('\n');
    y.append("sources:\n");
    for (int i = 0; i < feeds.size(); i++) {
      y.append("  - name: Site ").append(i).append("\n    type: feed\n    url: ").append(feeds.get(i))
          .append("\n    max_items: ").append(n).append('\n');
    }
    y.append("fetch:\n  allow: [127.0.0.0/8]\n  min_host_delay: ").append(hostDelay.toMillis()).append("ms\n");
    y.append("llm:\n  max_concurrent: ").append(concurrent).append("\n  requests_per_minute: ").append(rpm)
        .append("\n  tokens_per_minute: 0\n  prompts_dir: ").append(Path.of("prompts").toAbsolutePath()).append('\n');
    Path config = work.resolve("sources.yml");
    Files.writeString(config, y);
    return config;
  }

  /** One site per host, each serving its share of the N articles; returns the feed URLs. */
  private List<String> startSites() throws IOException {
    List<String> feeds = new ArrayList<>();
    for (int h = 0; h < hosts; h++) {
      String address = "127.0.0." + (h + 2);
      HttpServer server = HttpServer.create(new InetSocketAddress(address, 0), 128);
      int site = h;
      server.setExecutor(pool);
      server.createContext("/", ex -> serve(ex, site));
      server.start();
      sites.add(server);
      feeds.add("http://" + address + ":" + server.getAddress().getPort() + "/feed.xml");
    }
    return feeds;
  }

  private void serve(HttpExchange ex, int site) throws IOException {
    try (ex) {
      try (InputStream in = ex.getRequestBody()) {
        in.readAllBytes();
      }
      String path = ex.getRequestURI().getPath();
      String base = "http://" + ex.getLocalAddress().getAddress().getHostAddress() + ":" + ex.getLocalAddress().getPort();
      if (path.equals("/robots.txt")) {
        send(ex, 200, "text/plain", "User-agent: *\nAllow: /\n", null);
        return;
      }
      String etag = "\"v1-" + site + "-" + path.hashCode() + "\"";
      String asked = ex.getRequestHeaders().getFirst("If-None-Match");
      if (asked != null) {
        conditionalAsked.incrementAndGet();
        if (asked.equals(etag)) {
          answered304.incrementAndGet();
          ex.getResponseHeaders().add("ETag", etag);
          ex.sendResponseHeaders(304, -1);
          return;
        }
      }
      if (path.equals("/feed.xml")) {
        send(ex, 200, "application/rss+xml", feed(site, base), etag);
      } else if (path.startsWith("/a/")) {
        int i = Integer.parseInt(path.substring(3).replace(".html", ""));
        pages200.incrementAndGet();
        send(ex, 200, "text/html; charset=utf-8", page(i), etag);
      } else {
        send(ex, 404, "text/plain", "not found", null);
      }
    }
  }

  private String feed(int site, String base) {
    StringBuilder x = new StringBuilder("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Site ")
        .append(site).append("</title><link>").append(base).append("/</link>");
    for (int i = site; i < n; i += hosts) {
      x.append("<item><title>Story ").append(i).append("</title><link>").append(base).append("/a/").append(i)
          .append(".html</link><pubDate>Mon, 30 Nov 2026 08:00:00 GMT</pubDate></item>");
    }
    return x.append("</channel></rss>").toString();
  }

  /** An article of about 700 words of its own, padded with page furniture to the page size. */
  private String page(int i) {
    Random r = new Random(i * 7919L + 17);
    StringBuilder body = new StringBuilder();
    for (int p = 0; p < 10; p++) {
      body.append("<p>");
      for (int w = 0; w < 70; w++) {
        body.append(word(r)).append(w % 12 == 11 ? ". " : " ");
      }
      body.append(".</p>\n");
    }
    StringBuilder page = new StringBuilder("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Story ")
        .append(i).append(" | Bench</title></head><body><nav><a href=\"/\">Home</a></nav><article><h1>Story ")
        .append(i).append(" about ").append(word(r)).append("</h1>\n").append(body).append("</article><script>var pad='");
    while (page.length() < pageKb * 1024) {
      page.append("abcdefghijklmnopqrstuvwxyz0123456789");
    }
    return page.append("';</script></body></html>").toString();
  }

  private static String word(Random r) {
    String letters = "etaoinshrdlucmfwypvbgk";
    int len = 3 + r.nextInt(7);
    StringBuilder w = new StringBuilder(len);
    for (int k = 0; k < len; k++) {
      w.append(letters.charAt(r.nextInt(letters.length())));
    }
    return w.toString();
  }

  private static void send(HttpExchange ex, int status, String type, String body, String etag) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().add("Content-Type", type);
    if (etag != null) {
      ex.getResponseHeaders().add("ETag", etag);
    }
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }
}
