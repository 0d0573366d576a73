package dev.pulse.editorial;

import dev.pulse.analyze.Sentiment;
import dev.pulse.store.Entry;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An editor's corrections of one entry, kept apart from the analyzer's output. A null field is not
 * corrected: the analyzer's latest value shows.
 *
 * @param entryId the entry corrected
 * @param summary replaces the summary, or null
 * @param editorsNote replaces (or adds) the editor's note, or null
 * @param sentiment replaces the sentiment, or null
 * @param category replaces the category (a taxonomy name), or null
 * @param topics replace the topics, or null
 * @param version how many saves made this; a save based on an older version is refused
 * @param updatedBy the account of the last save
 * @param updatedAt when it was saved
 */
public record Correction(
    String entryId,
    @Nullable String summary,
    @Nullable String editorsNote,
    @Nullable Sentiment sentiment,
    @Nullable String category,
    @Nullable List<String> topics,
    long version,
    String updatedBy,
    Instant updatedAt) {

  public Correction {
    Objects.requireNonNull(entryId, "entryId");
    topics = topics == null ? null : List.copyOf(topics);
  }

  /** The entry as readers see it: these corrections over the analyzer's output. */
  public Entry applyTo(Entry e) {
    return new Entry(
        e.id(),
        e.url(),
        e.source(),
        e.title(),
        e.byline(),
        e.published(),
        e.siteName(),
        e.language(),
        e.image(),
        e.text(),
        summary != null ? summary : e.summary(),
        editorsNote != null ? editorsNote : e.editorsNote(),
        sentiment != null ? sentiment : e.sentiment(),
        category != null ? category : e.category(),
        topics != null ? topics : e.topics(),
        e.provenance(),
        e.flags());
  }
}
