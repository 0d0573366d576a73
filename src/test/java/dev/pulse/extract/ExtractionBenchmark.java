package dev.pulse.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
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
 * saved pages, single-threaded after a warm-up, prints pages/s and median ms/page for both, and
 * writes each one's predictions as JSON {@code {id: text}} for the evaluator.
 *
 * <p>Usage: {@code ExtractionBenchmark PAGES_DIR OUT_DIR [GROUND_TRUTH_JSON] [--runs N]
 * [--warmup N] [--pulse-only]}. The ground truth is read only for each page's URL.
 */
public final class ExtractionBenchmark {

  private ExtractionBenchmark() {}

  public static void main(String[] args) throws IOException {
    // Readability4J logs every step at DEBUG; logging would dominate its timings, not its work.
    ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(
            org.slf4j.Logger.ROOT_LOGGER_NAME))
        .setLevel(ch.qos.logback.classic.Level.WARN);
    List<String> positional = new ArrayList<>();
    int runs = 3;
    int warmup = 2;
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
    Result p =
        run("pulse", pages, urls, (html, url) -> pulse.extract(html, url).text(), warmup, runs);
    write(outDir.resolve("pulse-predictions.json"), p.texts);
    p.print();
    if (pulseOnly) {
      return;
    }
    Result r =
        run(
            "readability4j",
            pages,
            urls,
            (html, url) -> {
              String text = new Readability4J(url == null ? "" : url, html).parse().getTextContent();
              return text == null ? "" : text;
            },
            warmup,
            runs);
    write(outDir.resolve("readability4j-predictions.json"), r.texts);
    r.print();
    System.out.printf(
        Locale.ROOT,
        "speed ratio (pulse pages/s / readability4j pages/s): %.2f%n",
        p.pagesPerSecond() / r.pagesPerSecond());
  }

  private record Result(String name, Map<String, String> texts, double[] ms, double totalMs) {
    double pagesPerSecond() {
      return ms.length * 1000.0 / totalMs;
    }

    void print() {
      double[] sorted = ms.clone();
      Arrays.sort(sorted);
      double median = sorted[sorted.length / 2];
      System.out.printf(
          Locale.ROOT,
          "%-14s %7.1f pages/s   median %6.2f ms/page   p90 %6.2f ms/page   max %7.1f ms%n",
          name,
          pagesPerSecond(),
          median,
          sorted[(int) (sorted.length * 0.9)],
          sorted[sorted.length - 1]);
    }
  }

  private static Result run(
      String name,
      Map<String, String> pages,
      Map<String, String> urls,
      BiFunction<String, String, String> extractor,
      int warmup,
      int runs) {
    Map<String, String> texts = new LinkedHashMap<>();
    for (int w = 0; w < warmup; w++) {
      pages.forEach((id, html) -> extractor.apply(html, urls.get(id)));
    }
    List<Double> times = new ArrayList<>();
    double total = 0;
    for (int r = 0; r < runs; r++) {
      for (Map.Entry<String, String> page : pages.entrySet()) {
        long t0 = System.nanoTime();
        String text;
        try {
          text = extractor.apply(page.getValue(), urls.get(page.getKey()));
        } catch (RuntimeException | StackOverflowError e) {
          text = "";
        }
        double ms = (System.nanoTime() - t0) / 1e6;
        times.add(ms);
        total += ms;
        texts.put(page.getKey(), text);
      }
    }
    return new Result(
        name, texts, times.stream().mapToDouble(Double::doubleValue).toArray(), total);
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
    root.fields()
        .forEachRemaining(
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
