package dev.pulse.source;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.jspecify.annotations.Nullable;

/**
 * Reads an OPML subscription list (as feed readers export it) into feed sources. Pure: bytes in,
 * sources out. Every {@code <outline>} with an {@code xmlUrl} becomes a {@link
 * SourceConfig.Type#FEED} source named by its {@code title} or {@code text} (made unique), with the
 * default max items and no lookback; folders are flattened.
 */
public final class OpmlImport {

  private OpmlImport() {}

  /**
   * @throws IllegalArgumentException if the document is not OPML
   */
  public static List<SourceConfig> parse(byte[] opml) {
    Document doc;
    try {
      // Jsoup's XML parser never resolves external entities.
      doc = Jsoup.parse(new ByteArrayInputStream(opml), null, "", Parser.xmlParser());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (doc.selectFirst("opml") == null) {
      throw new IllegalArgumentException("not an OPML document (no <opml> element)");
    }
    List<SourceConfig> sources = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (Element outline : doc.select("outline[xmlUrl]")) {
      String url = outline.attr("xmlUrl").strip();
      if (url.isEmpty()) {
        continue;
      }
      String name = firstNonBlank(outline.attr("title"), outline.attr("text"), url);
      String unique = name;
      for (int i = 2; !names.add(unique); i++) {
        unique = name + " (" + i + ")";
      }
      sources.add(SourceConfig.feed(unique, url));
    }
    return sources;
  }

  private static @Nullable String firstNonBlank(@Nullable String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return v.strip();
      }
    }
    return null;
  }
}
