package dev.pulse.desk;

import dev.pulse.analyze.Sentiment;
import dev.pulse.editorial.Edit;
import dev.pulse.editorial.ReviewState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Latency of the desk over a large store: review-queue pages (with filters and sorts, signed in)
 * and public entry pages, timed as loopback round trips (an upper bound of the server's time).
 * Prints medians and 90th percentiles; asserts nothing. Run with scripts/bench-desk.sh.
 */
public final class DeskBenchmark {

  private DeskBenchmark() {}

  public static void main(String[] args) throws Exception {
    int entries = intArg(args, "--entries", 10_000);
    int requests = intArg(args, "--requests", 300);
    Path dir = Files.createTempDirectory("pulse-desk-bench");
    long t0 = System.nanoTime();
    try (DeskFixture desk = new DeskFixture(dir, 0)) {
      seed(desk, entries);
      System.out.printf(
          "store: %d entries, %d corrections, %d reviews, votes on %d entries"
              + " (seeded in %.1f s)%n",
          entries, entries / 10, entries / 5, entries / 2, (System.nanoTime() - t0) / 1e9);
      Browser editor = new Browser(desk.base);
      editor.login("ed", DeskFixture.PASSWORD);
      Browser reader = new Browser(desk.base);
      long render = System.nanoTime();
      desk.server.invalidateSite();
      desk.server.awaitSite(java.time.Duration.ofMinutes(10));
      System.out.printf(
          "public site rendered into memory in the background: %.1f s%n",
          (System.nanoTime() - render) / 1e9);
      Random random = new Random(42);
      String[] queries = {
        "/desk",
        "/desk?state=all",
        "/desk?state=all&category=Science",
        "/desk?state=all&sort=votes",
        "/desk?state=approved&sentiment=Negative",
        "/desk?state=all&source=Gotham+Gazette"
      };
      for (int i = 0; i < 30; i++) {
        editor.get(queries[i % queries.length] + "&page=" + (1 + random.nextInt(20)));
        reader.get("/entries/" + DeskFixture.id(random.nextInt(entries / 10) * 10) + ".html");
      }
      double[][] steady = measure(editor, reader, queries, entries, requests, random);
      report("review queue page (50 rows, filters and sorts, signed in)", steady[0]);
      report("public entry page", steady[1]);
      double[] desk1 = new double[Math.min(100, requests)];
      for (int i = 0; i < desk1.length; i++) {
        String page = "/desk/entries/" + DeskFixture.id(random.nextInt(entries));
        desk1[i] = time(() -> check(editor.get(page).statusCode()));
      }
      report("desk entry page (AI beside editor, audit, takes a lock)", desk1);
      // a correction starts a new render; pages keep being served from the last copy meanwhile
      desk.server.invalidateSite();
      long during = System.nanoTime();
      // the editor's client asks straight away, not waiting for the render as test readers do
      double[][] rendering =
          measure(editor, null, queries, entries, Math.min(100, requests), random);
      double spent = (System.nanoTime() - during) / 1e9;
      desk.server.awaitSite(java.time.Duration.ofMinutes(10));
      System.out.printf(
          "while the site was rendered again (%.1f s of requests, render done after %.1f s):%n",
          spent, (System.nanoTime() - during) / 1e9);
      report("  review queue page", rendering[0]);
      report("  public entry page (last rendered copy)", rendering[1]);
    } finally {
      try (var files = Files.walk(dir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /**
   * Times {@code n} queue pages and {@code n} public entry pages, alternating; with {@code reader}
   * null, the public pages are asked for at once, rendered or not.
   */
  private static double[][] measure(
      Browser editor, Browser reader, String[] queries, int entries, int n, Random random) {
    double[] queue = new double[n];
    double[] entry = new double[n];
    for (int i = 0; i < n; i++) {
      String base = queries[i % queries.length];
      String q = base + (base.contains("?") ? "&" : "?") + "page=" + (1 + random.nextInt(20));
      queue[i] = time(() -> check(editor.get(q).statusCode()));
      int k = random.nextInt(entries);
      String page = "/entries/" + DeskFixture.id(k % 10 == 5 ? k - 1 : k) + ".html";
      entry[i] =
          time(
              () ->
                  check(
                      (reader == null ? editor.getPublicNow(page) : reader.get(page))
                          .statusCode()));
    }
    return new double[][] {queue, entry};
  }

  private static void seed(DeskFixture desk, int n) {
    Random random = new Random(7);
    for (int i = 0; i < n; i++) {
      desk.entries.entryStore().upsert(DeskFixture.entry(i));
    }
    Instant now = Instant.now();
    for (int i = 0; i < n; i++) {
      String id = DeskFixture.id(i);
      if (i % 5 == 0) {
        desk.desk.setReviewState(
            id, i % 10 == 0 ? ReviewState.APPROVED : ReviewState.REJECTED, "ed");
      }
      if (i % 10 == 1) {
        var e = DeskFixture.entry(i);
        desk.desk.save(
            id,
            0,
            new Edit(
                "Corrected summary " + i + ".",
                null,
                Sentiment.NEGATIVE,
                "Science",
                List.of("Harbour")),
            EntryRoutes.aiEdit(e),
            "ed");
      }
      if (i % 2 == 0) {
        for (int v = 0; v < 1 + random.nextInt(3); v++) {
          desk.desk.vote(
              id, "voter" + v, random.nextBoolean(), "addr" + random.nextInt(5000), now, 1_000);
        }
      }
    }
  }

  private static void check(int status) {
    if (status != 200) {
      throw new IllegalStateException("HTTP " + status);
    }
  }

  private static double time(Runnable r) {
    long start = System.nanoTime();
    r.run();
    return (System.nanoTime() - start) / 1e6;
  }

  private static void report(String what, double[] ms) {
    double[] s = ms.clone();
    Arrays.sort(s);
    System.out.printf(
        "%s: median %.1f ms, p90 %.1f ms, max %.1f ms over %d requests%n",
        what, s[s.length / 2], s[(int) (s.length * 0.9)], s[s.length - 1], s.length);
  }

  private static int intArg(String[] args, String name, int fallback) {
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals(name)) {
        return Integer.parseInt(args[i + 1]);
      }
    }
    return fallback;
  }
}
