package dev.pulse.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A robots.txt as last fetched for an origin.
 *
 * @param origin scheme, host and port: "https://example.org", "http://host:8080"
 * @param body its text; null when there was none to obey (everything allowed)
 * @param unavailable it could not be read, so the host is left alone for a while
 * @param fetchedAt when it was fetched
 */
public record RobotsFile(String origin, String body, boolean unavailable, Instant fetchedAt) {

  public RobotsFile {
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(fetchedAt, "fetchedAt");
  }
}
