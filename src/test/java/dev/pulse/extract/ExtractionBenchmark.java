package dev.pulse.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import net.dankito.readability4j.Readability4J;

/**
 * Speed and output harness (not a test): runs Pulse's extractor and Readability4J over the same
 * saved pages, single-threaded after a warm-up, in alternating passes; prints pages/s (of the
 * median pass) and median ms/page for both and their ratio, and writes each one's predictions as
 * JSON {@code {id: text}} for the evaluator.
 *
 * <p>Usage: {@code ExtractionBenchmark PAGES_DIR OUT_DIR [GROUND_TRUTH_JSON] [--runs N]
 * [--warmup N] [--pulse-only]}. The ground truth is read only for each page's URL.
 */
public final class ExtractionBenchmark {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private ExtractionBenchmark() {}

  public static void main(String[] args) throws IOException {
    // Readability4J logs every step at DEBUG; logging would dominate its timings, not its work.
    ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(
            org.slf4j.Logger.ROOT_LOGGER_NAME))
        .setLevel(ch.qos.logback.classic.Level.WARN);
    List<String> positional = new ArrayList<>();
    int runs = 7;
    int warmup = 3;
    boolean pulseOnly = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--runs" -> runs = Integer.parseInt(args[++i]);
        case "--warmup" -> warmup = Integer.parseInt(args[++i]);
        case "--pulse-only" -> pulseOnly = true;
        default -> positional.add(args[i]);
      }
    }
    if (positional.size() < 2) {
      System.err.println(
          "usage: ExtractionBenchmark PAGES_DIR OUT_DIR [GROUND_TRUTH_JSON] [--runs N] [--warmup N]"
              + " [--pulse-only]");
      System.exit(2);
    }
    Path pagesDir = Path.of(positional.get(0));
    Path outDir = Path.of(positional.get(1));
    Map<String, String> urls =
        positional.size() > 2 ? urls(Path.of(positional.get(2))) : Map.of();
    Map<String, String> pages = load(pagesDir);
    Files.createDirectories(outDir);
    System.out.printf(Locale.ROOT, "pages: %d from %s%n", pages.size(), pagesDir);

    JsoupArticleExtractor pulse = new JsoupArticleExtractor();
    List<Contender> contenders = new ArrayList<>();
    contenders.add(new Contender("pulse", (html, url) -> pulse.extract(html, url).text()));
    if (!pulseOnly) {
      contenders.add(
          new Contender(
              "readability4j",
              (html, url) -> {
                String text =
                    new Readability4J(url == null ? "" : url, html).parse().getTextContent();
                return text == null ? "" : text;
              }));
    }
    for (int w = 0; w < warmup; w++) {
      for (Contender c : contenders) {
        c.pass(pages, urls, false);
      }
    }
    // Rounds alternate the order, so that a burst of load on a shared machine hits both alike.
    for (int r = 0; r < runs; r++) {
      for (int i = 0; i < contenders.size(); i++) {
        contenders.get((i + r) % contenders.size()).pass(pages, urls, true);
      }
    }
    for (Contender c : contenders) {
      write(outDir.resolve(c.name + "-predictions.json"), c.texts);
      c.print();
    }
    if (contenders.size() == 2) {
      System.out.printf(
          Locale.ROOT,
          "speed ratio (pulse pages/s / readability4j pages/s): %.2f wall, %.2f thread CPU%n",
          contenders.get(0).pagesPerSecond() / contenders.get(1).pagesPerSecond(),
          contenders.get(0).pagesPerCpuSecond() / contenders.get(1).pagesPerCpuSecond());
    }
  }

  /** One extractor under test: its outputs, per-page times and per-pass totals. */
  private static final class Contender {
    final String name;
    final BiFunction<String, String, String> extractor;
    final Map<String, String> texts = new LinkedHashMap<>();
    final List<Double> pageMs = new ArrayList<>();
    final List<Double> passMs = new ArrayList<>();
    final List<Double> passCpuMs = new ArrayList<>();
    int pagesPerPass;

    Contender(String name, BiFunction<String, String, String> extractor) {
      this.name = name;
      this.extractor = extractor;
    }

    void pass(Map<String, String> pages, Map<String, String> urls, boolean record) {
      double total = 0;
      double cpuTotal = 0;
      for (Map.Entry<String, String> page : pages.entrySet()) {
        long c0 = THREADS.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        String text;
        try {
          text = extractor.apply(page.getValue(), urls.get(page.getKey()));
        } catch (RuntimeException | StackOverflowError e) {
          text = "";
        }
        double ms = (System.nanoTime() - t0) / 1e6;
        cpuTotal += (THREADS.getCurrentThreadCpuTime() - c0) / 1e6;
        total += ms;
        if (record) {
          pageMs.add(ms);
          texts.put(page.getKey(), text);
        }
      }
      if (record) {
        passMs.add(total);
        passCpuMs.add(cpuTotal);
        pagesPerPass = pages.size();
      }
    }

    /** Pages per second of the median pass, wall clock. */
    double pagesPerSecond() {
      return pagesPerPass * 1000.0 / median(passMs);
    }

    /**
     * Pages per second of the median pass in the extracting thread's own CPU time: steadier than
     * the wall clock on a loaded machine; it leaves out GC threads, which favours the extractor
     * that allocates more (Readability4J), so it understates Pulse's lead if anything.
     */
    double pagesPerCpuSecond() {
      return pagesPerPass * 1000.0 / median(passCpuMs);
    }

    void print() {
      double[] sorted = pageMs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
      System.out.printf(
          Locale.ROOT,
          "%-14s %7.1f pages/s   median %6.2f ms/page   p90 %6.2f ms/page   max %7.1f ms"
              + "   %7.1f pages/cpu-s   (%d passes)%n",
          name,
          pagesPerSecond(),
          sorted[sorted.length / 2],
          sorted[(int) (sorted.length * 0.9)],
          sorted[sorted.length - 1],
          pagesPerCpuSecond(),
          passMs.size());
    }

    private static double median(List<Double> xs) {
      double[] sorted = xs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
      return sorted[sorted.length / 2];
    }
  }

  private static Map<String, String> load(Path dir) throws IOException {
    Map<String, String> pages = new LinkedHashMap<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(f -> f.toString().endsWith(".html")).sorted().toList()) {
        String id = f.getFileName().toString().replaceFirst("\\.html$", "");
        pages.put(id, Files.readString(f, StandardCharsets.UTF_8));
      }
    }
    return pages;
  }

  private static Map<String, String> urls(Path groundTruth) throws IOException {
    Map<String, String> urls = new LinkedHashMap<>();
    JsonNode root = new ObjectMapper().readTree(groundTruth.toFile());
    root.properties()
        .forEach(
            e -> {
              JsonNode url = e.getValue().get("url");
              if (url != null && url.isTextual()) {
                urls.put(e.getKey(), url.asText());
              }
            });
    return urls;
  }

  private static void write(Path file, Map<String, String> texts) throws IOException {
    ObjectMapper json = new ObjectMapper();
    ObjectNode node = json.createObjectNode();
    texts.forEach(node::put);
    json.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), node);
  }
}
