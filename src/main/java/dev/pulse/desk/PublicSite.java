package dev.pulse.desk;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The public site from memory, rendered on a background thread so that no request ever waits for a
 * render (a site of 10,000 entries takes tens of seconds). Requests get the last rendered copy;
 * until the first render is done, a "being prepared" page (503, Retry-After). A render starts at
 * once after a change made through the desk ({@link #invalidate()}), and within {@link #RECHECK} of
 * a request after a change by another process (a {@code pulse run}), seen in the store's {@link
 * SiteSource#signature()}. Renders never overlap; changes made during one are picked up by the
 * next.
 */
final class PublicSite implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(PublicSite.class);
  static final Duration RECHECK = Duration.ofSeconds(2);

  private record Snapshot(String signature, long generation, Map<String, byte[]> files) {}

  private final SiteSource source;
  private final Clock clock;
  private final DeskTemplates templates;
  private final AtomicLong generation = new AtomicLong();
  private final AtomicBoolean scheduled = new AtomicBoolean();
  private final AtomicBoolean working = new AtomicBoolean();
  private final ExecutorService renderer =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "pulse-site-render");
            t.setDaemon(true);
            t.setPriority(Thread.NORM_PRIORITY - 1);
            return t;
          });
  private volatile @Nullable Snapshot snapshot;
  private volatile Instant checkedAt = Instant.MIN;

  PublicSite(SiteSource source, Clock clock, DeskTemplates templates) {
    this.source = source;
    this.clock = clock;
    this.templates = templates;
  }

  /** Starts the first render. */
  void start() {
    refresh();
  }

  /** Marks the site stale and starts rendering it again; requests get the old copy meanwhile. */
  void invalidate() {
    generation.incrementAndGet();
    refresh();
  }

  void serve(Context ctx, String path) {
    Map<String, byte[]> files = files();
    if (files == null) {
      ctx.status(HttpStatus.SERVICE_UNAVAILABLE);
      ctx.header("Retry-After", "5");
      ctx.header("Cache-Control", "no-store");
      ctx.html(templates.render("preparing", Map.of()));
      return;
    }
    byte[] body = files.get(path);
    if (body == null) {
      throw new NotFoundResponse("no such page");
    }
    ctx.contentType(contentType(path));
    ctx.result(body);
  }

  /** The last rendered site, or null before the first render is done; never waits. */
  @Nullable Map<String, byte[]> files() {
    Snapshot s = snapshot;
    if (s == null
        || s.generation != generation.get()
        || Duration.between(checkedAt, clock.instant()).compareTo(RECHECK) >= 0) {
      refresh();
    }
    return s == null ? null : s.files;
  }

  /**
   * Waits until the site reflects every change made so far (for tests and the benchmark); false
   * when {@code limit} passed first.
   */
  boolean awaitCurrent(Duration limit) throws InterruptedException {
    long end = System.nanoTime() + limit.toNanos();
    while (System.nanoTime() < end) {
      Snapshot s = snapshot;
      if (s != null && s.generation == generation.get() && !scheduled.get() && !working.get()) {
        return true;
      }
      Thread.sleep(10);
    }
    return false;
  }

  private void refresh() {
    if (scheduled.compareAndSet(false, true)) {
      try {
        renderer.execute(this::update);
      } catch (java.util.concurrent.RejectedExecutionException e) {
        scheduled.set(false); // closed
      }
    }
  }

  private void update() {
    working.set(true);
    // cleared before the work: a change during this render schedules the next one
    scheduled.set(false);
    try {
      long gen = generation.get();
      String signature = source.signature();
      checkedAt = clock.instant();
      Snapshot s = snapshot;
      if (s != null && s.generation == gen && s.signature.equals(signature)) {
        return;
      }
      long start = System.nanoTime();
      Map<String, byte[]> files = source.render();
      snapshot = new Snapshot(signature, gen, files);
      LOG.info(
          "public site rendered: {} files in {} ms",
          files.size(),
          (System.nanoTime() - start) / 1_000_000);
    } catch (RuntimeException e) {
      // the last copy stays in service; the next request after RECHECK tries again
      LOG.warn("public site not rendered: {}", e.toString(), e);
    } finally {
      working.set(false);
    }
  }

  @Override
  public void close() {
    renderer.shutdownNow();
    try {
      renderer.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static String contentType(String path) {
    if (path.endsWith(".html")) {
      return "text/html; charset=utf-8";
    } else if (path.endsWith(".css")) {
      return "text/css; charset=utf-8";
    } else if (path.endsWith(".js")) {
      return "text/javascript; charset=utf-8";
    } else if (path.endsWith(".atom")) {
      return "application/atom+xml; charset=utf-8";
    } else if (path.endsWith(".json")) {
      return "application/feed+json; charset=utf-8";
    }
    return "application/octet-stream";
  }
}
