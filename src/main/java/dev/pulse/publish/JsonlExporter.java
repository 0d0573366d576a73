package dev.pulse.publish;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pulse.store.Entry;
import dev.pulse.store.Provenance;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/**
 * Entries as JSON lines, one object per entry; the field names are documented in README ("Entry
 * fields") and stay stable across versions.
 */
public final class JsonlExporter {

  private static final ObjectMapper JSON = new ObjectMapper();

  private JsonlExporter() {}

  /** Writes one line per entry, in the order given. */
  public static void write(List<Entry> entries, Writer out) {
    try {
      for (Entry e : entries) {
        out.write(JSON.writeValueAsString(toJson(e)));
        out.write('\n');
      }
      out.flush();
    } catch (IOException ex) {
      throw new UncheckedIOException("cannot write entries: " + ex.getMessage(), ex);
    }
  }

  /** One entry as a JSON object. */
  public static ObjectNode toJson(Entry e) {
    ObjectNode o = JSON.createObjectNode();
    o.put("id", e.id());
    o.put("url", e.url());
    o.put("source", e.source());
    o.put("title", e.title());
    o.put("byline", e.byline());
    o.put("published", e.published() == null ? null : e.published().toString());
    o.put("site_name", e.siteName());
    o.put("language", e.language());
    o.put("image", SafeUrl.httpOrNull(e.image())); // entries stored before the extractor checked
    o.put("summary", e.summary());
    o.put("editors_note", e.editorsNote());
    o.put("sentiment", e.sentiment().label());
    o.put("category", e.category());
    ArrayNode topics = o.putArray("topics");
    e.topics().forEach(topics::add);
    ArrayNode flags = o.putArray("flags");
    e.flags().forEach(flags::add);
    o.put("text", e.text());
    Provenance p = e.provenance();
    ObjectNode prov = o.putObject("provenance");
    prov.put("analyzer", p.analyzer());
    prov.put("model", p.model());
    prov.put("analysis_version", p.analysisVersion());
    prov.put("extraction_version", p.extractionVersion());
    prov.put("fetched_at", p.fetchedAt().toString());
    prov.put("analyzed_at", p.analyzedAt().toString());
    prov.put("content_hash", p.contentHash());
    prov.put("llm_calls", p.usage().calls());
    prov.put("tokens_in", p.usage().inputTokens());
    prov.put("tokens_out", p.usage().outputTokens());
    prov.put("cost_usd", p.usage().costUsd());
    prov.put("analysis_language", p.analysisLanguage());
    return o;
  }
}
