package dev.pulse.publish;

import dev.pulse.similar.EntryVectors;
import dev.pulse.similar.Vectors;

import dev.pulse.analyze.Sentiment;
import dev.pulse.analyze.Usage;
import dev.pulse.store.Entry;
import dev.pulse.store.Provenance;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Renders a site of synthetic entries with the real renderer and prints timings. Not a test: run
 * it through {@code scripts/bench-site.sh [--entries N] [--out DIR] [--runs R]}.
 *
 * <p>The entries are generated, deterministic (fixed seed) and shaped like a busy store: 8
 * categories, 40 sources, 80 topic tags, 30 days of history with 600 entries in the last 48 hours
 * of which some retell the same stories (so trending topics form). Vectors are the hashed
 * bag-of-words at 384 dimensions, the same length as the sentence-embedding model's, so the
 * similarity work matches production; embedding time itself is not included (the store caches it).
 */
public final class SiteRenderBenchmark {

  private static final String[] CATEGORIES = {"Artificial Intelligence", "Business", "Climate",
      "Health", "Politics", "Science", "Sports", "Technology"};
  /** 4,000 pseudo-words, so unrelated synthetic stories share few words, as real ones do. */
  private static final String[] WORDS = vocabulary(4000, new Random(7));
  private static final Instant NOW = Instant.parse("2025-11-02T12:00:00Z");

  private SiteRenderBenchmark() {}

  public static void main(String[] args) throws IOException {
    int n = 10_000;
    int runs = 2;
    Path out = Path.of("target", "bench-site");
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--entries" -> n = Integer.parseInt(args[++i]);
        case "--runs" -> runs = Integer.parseInt(args[++i]);
        case "--out" -> out = Path.of(args[++i]);
        default -> throw new IllegalArgumentException("unknown argument: " + args[i]);
      }
    }
    deleteTree(out);
    List<Entry> entries = entries(n, new Random(42));
    // 0.3: the cluster threshold suited to hashed bag-of-words vectors (0.6 is for MiniLM)
    SiteSettings settings = SiteSettings.defaults().withTitle("Pulse Benchmark")
        .withClock(Clock.fixed(NOW, ZoneOffset.UTC)).withClusterThreshold(0.3);
    var os = (com.sun.management.OperatingSystemMXBean)
        java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    System.out.printf(
        "site benchmark: %d entries, %d cores, load average %.1f, max heap %d MB, Java %s%n", n,
        Runtime.getRuntime().availableProcessors(), os.getSystemLoadAverage(),
        Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.version"));
    for (int r = 1; r <= runs; r++) {
      long t0 = System.nanoTime();
      long cpu0 = os.getProcessCpuTime();
      SiteRenderer renderer = new SiteRenderer(settings, EntryVectors.hashedWords());
      SiteReport report = renderer.write(entries, out);
      long ms = (System.nanoTime() - t0) / 1_000_000;
      long cpuMs = (os.getProcessCpuTime() - cpu0) / 1_000_000;
      System.out.printf(
          "run %d: %,d ms wall, %,d ms CPU  pages=%d feeds=%d trendingTopics=%d written=%d unchanged=%d%n"
              + "       phases (ms): %s%n", r, ms, cpuMs,
          report.pages(), report.feeds(), report.trendingTopics(), report.filesWritten(),
          report.filesUnchanged(), report.phaseMillis());
    }
    System.out.printf("output: %s, %.1f MB%n", out, size(out) / 1e6);
  }

  static List<Entry> entries(int n, Random rnd) {
    List<Entry> out = new ArrayList<>(n);
    int recent = Math.min(600, n / 4);
    List<String[]> stories = new ArrayList<>();
    for (int s = 0; s < 20; s++) {
      stories.add(new String[] {word(rnd), word(rnd), word(rnd), word(rnd), word(rnd)});
    }
    for (int i = 0; i < n; i++) {
      boolean inWindow = i < recent;
      long secondsAgo = inWindow ? rnd.nextInt(47 * 3600) : 48 * 3600 + rnd.nextInt(30 * 86400);
      String category = CATEGORIES[rnd.nextInt(CATEGORIES.length)];
      String title;
      String summary;
      if (inWindow && rnd.nextInt(4) == 0) {
        String[] story = stories.get(rnd.nextInt(stories.size()));
        title = cap(story[0]) + " " + story[1] + " " + story[2] + " " + word(rnd) + " " + story[3];
        summary = sentence(rnd, story, 14) + " " + sentence(rnd, story, 16) + " "
            + sentence(rnd, null, 18);
      } else {
        title = cap(word(rnd)) + " " + word(rnd) + " " + word(rnd) + " " + word(rnd) + " "
            + word(rnd) + " " + word(rnd);
        summary = sentence(rnd, null, 16) + " " + sentence(rnd, null, 18) + " "
            + sentence(rnd, null, 20);
      }
      String url = "https://source" + rnd.nextInt(40) + ".example/news/" + i;
      Instant published = NOW.minusSeconds(secondsAgo);
      Provenance p = new Provenance("embedded", "all-minilm-l6-v2-q", "bench-1", "jsoup-1",
          published.plusSeconds(30), published.plusSeconds(60), Slugs.sha256(url), Usage.NONE);
      out.add(new Entry(Slugs.sha256(url), url, "Source " + (i % 40), title, "Staff Writer",
          OffsetDateTime.ofInstant(published, ZoneOffset.UTC), "Source " + (i % 40) + " Times",
          "en", "https://img.example/" + i + ".jpg", summary, summary,
          rnd.nextInt(3) == 0 ? sentence(rnd, null, 20) : null,
          Sentiment.values()[rnd.nextInt(3)], category,
          List.of("tag " + rnd.nextInt(80), "tag " + rnd.nextInt(80)), p));
    }
    return out;
  }

  private static String[] vocabulary(int size, Random rnd) {
    String[] syllables = {"ba", "ko", "ri", "tan", "mel", "su", "vor", "di", "pa", "len", "ga",
        "tor", "mi", "sha", "ne", "lu", "ker", "fa", "zo", "wen"};
    java.util.Set<String> words = new java.util.LinkedHashSet<>();
    while (words.size() < size) {
      int n = 2 + rnd.nextInt(2);
      StringBuilder w = new StringBuilder();
      for (int k = 0; k < n; k++) {
        w.append(syllables[rnd.nextInt(syllables.length)]);
      }
      words.add(w.toString());
    }
    return words.toArray(String[]::new);
  }

  private static String word(Random rnd) {
    return WORDS[rnd.nextInt(WORDS.length)];
  }

  private static String cap(String w) {
    return Character.toUpperCase(w.charAt(0)) + w.substring(1);
  }

  private static String sentence(Random rnd, String[] story, int length) {
    StringBuilder b = new StringBuilder();
    for (int w = 0; w < length; w++) {
      String word = story != null && w % 2 == 0 ? story[(w / 2) % story.length] : word(rnd);
      b.append(w == 0 ? cap(word) : word).append(w == length - 1 ? "." : " ");
    }
    return b.toString();
  }

  private static long size(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
        Files.delete(p);
      }
    }
  }
}
