package dev.pulse.fetch;

/**
 * The network seam: fetches one URL. Thread-safe.
 *
 * <p>Throws {@link FetchException} (a {@link dev.pulse.PulseException.SkipItem}) with the URL and a
 * reason a person can act on: HTTP status, wrong content type, too large, timeout, refused by the
 * safety guard or by robots.txt.
 */
public interface Fetcher extends AutoCloseable {

  FetchResult fetch(FetchRequest request);

  @Override
  default void close() {}
}
