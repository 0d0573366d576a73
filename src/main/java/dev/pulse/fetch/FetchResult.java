package dev.pulse.fetch;

import java.nio.charset.Charset;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A page or feed as fetched.
 *
 * @param requestedUrl what was asked for
 * @param finalUrl where it was found after redirects
 * @param status the final HTTP status (200, or 304 when {@link #notModified()})
 * @param contentType the response's media type without parameters, lower case; null if absent
 * @param charset the charset the body was decoded with; null for a 304
 * @param body the raw bytes (empty for a 304); null is read as empty, so the accessor never returns
 *     null
 * @param etag the response's ETag, or null
 * @param lastModified the response's Last-Modified, or null
 * @param fetchedAt when the response arrived
 */
public record FetchResult(
    String requestedUrl,
    String finalUrl,
    int status,
    @Nullable String contentType,
    @Nullable Charset charset,
    byte @Nullable [] body,
    @Nullable String etag,
    @Nullable String lastModified,
    Instant fetchedAt) {

  public FetchResult {
    Objects.requireNonNull(requestedUrl, "requestedUrl");
    Objects.requireNonNull(finalUrl, "finalUrl");
    body = body == null ? new byte[0] : body;
    Objects.requireNonNull(fetchedAt, "fetchedAt");
  }

  /** The server said the resource has not changed since the validators we sent. */
  public boolean notModified() {
    return status == 304;
  }

  /** The body decoded with {@link #charset()}, without a leading byte order mark. */
  public String text() {
    String text =
        new String(body, charset == null ? java.nio.charset.StandardCharsets.UTF_8 : charset);
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }
}
