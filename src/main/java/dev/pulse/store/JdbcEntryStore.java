package dev.pulse.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pulse.analyze.Sentiment;
import dev.pulse.analyze.Usage;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link EntryStore} over the data-access core, for both dialects. */
final class JdbcEntryStore implements EntryStore {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

  private static final String UPSERT =
      """
      INSERT INTO entries (id, url, source, title, byline, published_at, published_offset,
        site_name, language, image, text, summary, editors_note, sentiment, category, topics,
        analyzer, model, analysis_version, extraction_version, fetched_at, analyzed_at,
        content_hash, llm_calls, tokens_in, tokens_out, cost_usd, first_seen_at, updated_at, flags,
        analysis_language)
      VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)
      ON CONFLICT (id) DO UPDATE SET url=excluded.url, source=excluded.source,
        title=excluded.title, byline=excluded.byline, published_at=excluded.published_at,
        published_offset=excluded.published_offset, site_name=excluded.site_name,
        language=excluded.language, image=excluded.image, text=excluded.text,
        summary=excluded.summary, editors_note=excluded.editors_note,
        sentiment=excluded.sentiment, category=excluded.category, topics=excluded.topics,
        analyzer=excluded.analyzer, model=excluded.model,
        analysis_version=excluded.analysis_version,
        extraction_version=excluded.extraction_version, fetched_at=excluded.fetched_at,
        analyzed_at=excluded.analyzed_at, content_hash=excluded.content_hash,
        llm_calls=excluded.llm_calls, tokens_in=excluded.tokens_in,
        tokens_out=excluded.tokens_out, cost_usd=excluded.cost_usd,
        updated_at=excluded.updated_at, flags=excluded.flags,
        analysis_language=excluded.analysis_language
      """;

  private final Db db;

  JdbcEntryStore(Db db) {
    this.db = db;
  }

  @Override
  public void upsert(Entry e) {
    Provenance p = e.provenance();
    Instant now = Instant.now();
    db.update(
        "store entry " + e.id() + " (" + e.url() + ")",
        UPSERT,
        e.id(),
        e.url(),
        e.source(),
        e.title(),
        e.byline(),
        e.published() == null ? null : e.published().toInstant(),
        Db.offsetSeconds(e.published()),
        e.siteName(),
        e.language(),
        e.image(),
        e.text(),
        e.summary(),
        e.editorsNote(),
        e.sentiment().label(),
        e.category(),
        json(e.topics()),
        p.analyzer(),
        p.model(),
        p.analysisVersion(),
        p.extractionVersion(),
        p.fetchedAt(),
        p.analyzedAt(),
        p.contentHash(),
        p.usage().calls(),
        p.usage().inputTokens(),
        p.usage().outputTokens(),
        p.usage().costUsd(),
        now,
        now,
        json(e.flags()),
        p.analysisLanguage());
  }

  @Override
  public Optional<Entry> find(String id) {
    return db.first(
        "read entry " + id, "SELECT * FROM entries WHERE id = ?", JdbcEntryStore::entry, id);
  }

  @Override
  public List<Entry> entries() {
    return db.list(
        "list entries",
        "SELECT * FROM entries"
            + " ORDER BY COALESCE(published_at, analyzed_at) DESC, analyzed_at DESC, id",
        JdbcEntryStore::entry);
  }

  @Override
  public Optional<Entry> findByContentHash(String contentHash) {
    return db.first(
        "look up content hash " + contentHash,
        "SELECT * FROM entries WHERE content_hash = ? ORDER BY first_seen_at, id LIMIT 1",
        JdbcEntryStore::entry,
        contentHash);
  }

  @Override
  public Optional<Alternate> alternate(String url) {
    return db.first(
        "look up alternate " + url,
        "SELECT url, entry_id, kind FROM alternates WHERE url = ?",
        JdbcEntryStore::alternate,
        url);
  }

  @Override
  public void addAlternate(Alternate a) {
    db.update(
        "link " + a.url() + " to entry " + a.entryId(),
        "INSERT INTO alternates (url, entry_id, kind, recorded_at) VALUES (?,?,?,?)"
            + " ON CONFLICT (url) DO UPDATE SET entry_id=excluded.entry_id, kind=excluded.kind",
        a.url(),
        a.entryId(),
        a.kind(),
        Instant.now());
  }

  @Override
  public List<Alternate> alternates(String entryId) {
    return db.list(
        "list alternates of " + entryId,
        "SELECT url, entry_id, kind FROM alternates WHERE entry_id = ? ORDER BY url",
        JdbcEntryStore::alternate,
        entryId);
  }

  @Override
  public void saveFingerprint(String entryId, long simhash) {
    db.update(
        "save the fingerprint of " + entryId,
        "UPDATE entries SET simhash = ? WHERE id = ?",
        simhash,
        entryId);
  }

  @Override
  public Map<String, Long> fingerprints() {
    Map<String, Long> out = new HashMap<>();
    db.list(
            "list fingerprints",
            "SELECT id, simhash FROM entries WHERE simhash IS NOT NULL",
            r -> Map.entry(r.text("id"), r.number("simhash")))
        .forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }

  private static Alternate alternate(Db.Row r) throws SQLException {
    return new Alternate(r.text("url"), r.text("entry_id"), r.text("kind"));
  }

  static Entry entry(Db.Row r) throws SQLException {
    try {
      return new Entry(
          r.text("id"),
          r.text("url"),
          r.text("source"),
          r.text("title"),
          r.text("byline"),
          r.offsetTime("published"),
          r.text("site_name"),
          r.text("language"),
          r.text("image"),
          r.text("text"),
          r.text("summary"),
          r.text("editors_note"),
          Sentiment.fromLabel(r.text("sentiment")),
          r.text("category"),
          JSON.readValue(r.text("topics"), STRINGS),
          new Provenance(
              r.text("analyzer"),
              r.text("model"),
              r.text("analysis_version"),
              r.text("extraction_version"),
              r.instant("fetched_at"),
              r.instant("analyzed_at"),
              r.text("content_hash"),
              new Usage(
                  (int) r.number("llm_calls"),
                  r.number("tokens_in"),
                  r.number("tokens_out"),
                  r.decimal("cost_usd")),
              r.text("analysis_language")),
          JSON.readValue(r.text("flags"), STRINGS));
    } catch (JsonProcessingException ex) {
      throw new SQLException("bad topics or flags JSON in entry " + r.text("id"), ex);
    }
  }

  static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException ex) {
      throw new IllegalStateException(ex);
    }
  }
}
