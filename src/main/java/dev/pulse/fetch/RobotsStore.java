package dev.pulse.fetch;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Where robots.txt files are kept between runs, with the time they were fetched, so their lifetime
 * ({@link Politeness#robotsTtl()}, or {@link Politeness#robotsFailureTtl()} for an unreadable one)
 * holds across runs rather than within one process. The pipeline's store implements it; {@link
 * #inMemory()} serves tests and single runs. Thread-safe.
 */
public interface RobotsStore {

  /**
   * A robots.txt as last fetched.
   *
   * @param body its text; null when there was none to obey (a 4xx: everything allowed)
   * @param unavailable it could not be read (5xx, unreachable): the host is left alone
   * @param fetchedAt when it was fetched
   */
  record Copy(@Nullable String body, boolean unavailable, Instant fetchedAt) {
    public Copy {
      Objects.requireNonNull(fetchedAt, "fetchedAt");
    }
  }

  /** The copy kept for an origin ("https://example.org", "http://host:8080"), or null. */
  @Nullable Copy get(String origin);

  /** Keeps this copy for the origin, replacing any older one. */
  void put(String origin, Copy copy);

  /** A store that lives as long as the object. */
  static RobotsStore inMemory() {
    Map<String, Copy> map = new ConcurrentHashMap<>();
    return new RobotsStore() {
      @Override
      public @Nullable Copy get(String origin) {
        return map.get(origin);
      }

      @Override
      public void put(String origin, Copy copy) {
        map.put(origin, copy);
      }
    };
  }
}
