package dev.pulse.store;

import dev.pulse.analyze.Sentiment;
import dev.pulse.analyze.Usage;
import dev.pulse.fetch.ValidatorStore.Validators;
import dev.pulse.source.DiscoveredItem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Item transactions per second: {@link Store#save(ItemWrite)} of a stored item (entry with a
 * realistic text, fingerprint, validators, retry-queue drop) on SQLite and on PostgreSQL (the
 * embedded server), from 1 and from 2 threads (the pipeline's analysis threads). A program, not a
 * test: {@code scripts/bench-store.sh [--items N]}.
 */
public final class StoreBenchmark {

  public static void main(String[] args) throws Exception {
    int items = args.length >= 2 && args[0].equals("--items") ? Integer.parseInt(args[1]) : 2000;
    Path dir = Files.createTempDirectory("pulse-bench-store");
    System.out.printf("items per measurement: %d%n", items);
    for (int threads : new int[] {1, 2}) {
      try (Store s = Stores.sqlite(dir.resolve("bench-" + threads + ".db"))) {
        report("sqlite", threads, items, s);
      }
      try (Store s = TestStores.postgres()) {
        report("postgresql", threads, items, s);
      }
    }
    System.exit(0);
  }

  private static void report(String name, int threads, int items, Store s) throws Exception {
    run(s, threads, Math.min(200, items), "warm-"); // JIT, pool and caches
    long start = System.nanoTime();
    run(s, threads, items, "item-");
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        "%-10s threads=%d  %6d item transactions in %6.2f s = %8.0f items/s (%.2f ms each)%n",
        name, threads, items, seconds, items / seconds, seconds * 1000 / items);
  }

  private static void run(Store s, int threads, int items, String prefix) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> all = new java.util.ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int first = t;
        all.add(
            pool.submit(
                () -> {
                  for (int i = first; i < items; i += threads) {
                    s.save(write(prefix + i));
                  }
                }));
      }
      for (Future<?> f : all) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
  }

  private static ItemWrite write(String id) {
    String url = "https://news.example/" + id;
    String text =
        ("A paragraph of an article about the harbour council and its budget. ").repeat(60);
    Entry e =
        new Entry(
            id,
            url,
            "Bench Wire",
            "Title " + id,
            "A Writer",
            OffsetDateTime.parse("2026-11-25T09:00+01:00"),
            "Bench News",
            "en",
            null,
            text,
            "A summary of two sentences. It says what happened.",
            "Why it matters.",
            Sentiment.NEUTRAL,
            "World",
            List.of("harbour", "budget"),
            new Provenance(
                "embedded",
                "m",
                "1",
                "1",
                Instant.now(),
                Instant.now(),
                "hash-" + id,
                new Usage(0, 0, 0, 0)));
    return ItemWrite.of(new DiscoveredItem(url, "Title " + id, null, "Bench Wire", null))
        .withEntry(e, id.hashCode())
        .withValidators(new Validators("\"" + id + "\"", null))
        .droppingRetry();
  }
}
