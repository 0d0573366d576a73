package dev.pulse.fetch;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One thing to fetch, with the validators of the last copy for a conditional GET.
 *
 * @param url absolute http(s) URL
 * @param kind what is expected, which decides the allowed content types
 * @param etag ETag of the copy we have, or null
 * @param lastModified Last-Modified of the copy we have, or null
 */
public record FetchRequest(
    String url, Kind kind, @Nullable String etag, @Nullable String lastModified) {

  /** What a response must be to be accepted. */
  public enum Kind {
    /** An article page: HTML or XHTML. */
    PAGE,
    /** A feed or sitemap: XML, RSS, Atom, JSON Feed. */
    FEED,
    /** robots.txt: plain text. */
    ROBOTS
  }

  public FetchRequest {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(kind, "kind");
  }

  public static FetchRequest page(String url) {
    return new FetchRequest(url, Kind.PAGE, null, null);
  }

  public static FetchRequest feed(String url) {
    return new FetchRequest(url, Kind.FEED, null, null);
  }
}
