package dev.pulse.store;

import java.util.Objects;

/**
 * Another URL under which an entry's article was found.
 *
 * @param url the other canonical URL
 * @param entryId the entry it belongs to
 * @param kind {@code same-content} (identical content hash) or {@code near-duplicate}
 */
public record Alternate(String url, String entryId, String kind) {

  public Alternate {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(entryId, "entryId");
    Objects.requireNonNull(kind, "kind");
  }
}
