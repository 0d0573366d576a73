package dev.pulse.worker;

import dev.pulse.source.DiscoveredItem;
import java.io.Serializable;
import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/**
 * The data of one item's task as db-scheduler keeps it (Java serialization): what discovery found.
 * Its instance id is the SHA-256 of the URL, so an item is one task however often it is found.
 */
record ItemTask(
    String url,
    @Nullable String title,
    @Nullable OffsetDateTime published,
    String source,
    @Nullable String categoryHint)
    implements Serializable {

  private static final long serialVersionUID = 1L;

  static ItemTask of(DiscoveredItem i) {
    return new ItemTask(i.url(), i.title(), i.published(), i.source(), i.categoryHint());
  }

  DiscoveredItem item() {
    return new DiscoveredItem(url, title, published, source, categoryHint);
  }
}
