package dev.pulse.source;

import java.time.OffsetDateTime;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One article a source points to.
 *
 * @param url absolute article URL as the source gives it, without any user-info (credentials)
 * @param title the source's title for it, or null
 * @param published the source's date for it, or null
 * @param source the name of the source it came from
 * @param categoryHint the source's default category, or null
 */
public record DiscoveredItem(
    String url,
    @Nullable String title,
    @Nullable OffsetDateTime published,
    String source,
    @Nullable String categoryHint) {

  public DiscoveredItem {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(source, "source");
    // user:password@ in a link is dropped: it must not reach the queue, the logs or the output
    url = dev.pulse.identity.UrlCredentials.strip(url);
  }
}
