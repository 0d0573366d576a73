package dev.pulse.desk;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The public site from memory. Rendered again, once, on the first request after the store changed:
 * at once after a change made through the desk ({@link #invalidate()}), within {@link #RECHECK}
 * after a change by another process (a {@code pulse run}).
 */
final class PublicSite {

  private static final Logger LOG = LoggerFactory.getLogger(PublicSite.class);
  static final Duration RECHECK = Duration.ofSeconds(2);

  private record Snapshot(String signature, long generation, Map<String, byte[]> files) {}

  private final SiteSource source;
  private final Clock clock;
  private final AtomicLong generation = new AtomicLong();
  private volatile Snapshot snapshot;
  private volatile Instant checkedAt = Instant.MIN;

  PublicSite(SiteSource source, Clock clock) {
    this.source = source;
    this.clock = clock;
  }

  /** Marks the site stale: the next request renders it again. */
  void invalidate() {
    generation.incrementAndGet();
  }

  void serve(Context ctx, String path) {
    byte[] body = files().get(path);
    if (body == null) {
      throw new NotFoundResponse("no such page");
    }
    ctx.contentType(contentType(path));
    ctx.result(body);
  }

  Map<String, byte[]> files() {
    Snapshot s = snapshot;
    Instant now = clock.instant();
    if (s != null && s.generation == generation.get()
        && Duration.between(checkedAt, now).compareTo(RECHECK) < 0) {
      return s.files;
    }
    synchronized (this) {
      s = snapshot;
      long gen = generation.get();
      String signature = source.signature();
      checkedAt = clock.instant();
      if (s != null && s.generation == gen && s.signature.equals(signature)) {
        return s.files;
      }
      long start = System.nanoTime();
      Map<String, byte[]> files = source.render();
      LOG.info("public site rendered: {} files in {} ms", files.size(),
          (System.nanoTime() - start) / 1_000_000);
      snapshot = new Snapshot(signature, gen, files);
      return files;
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
