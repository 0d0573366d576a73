package dev.pulse.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Parses RSS 0.9x/1.0/2.0 and Atom (Rome) and JSON Feed 1.x (Jackson) from bytes. No I/O; a broken
 * document gives a problem, never an exception. DOCTYPEs are accepted (RSS 0.91 carries one) but
 * external entities are never fetched.
 */
final class FeedParser {

  private static final ObjectMapper JSON = new ObjectMapper();

  private FeedParser() {}

  /**
   * @param feedUrl where the document came from, for messages and relative links
   * @param contentType media type without parameters, or null
   * @param charset the charset the fetcher detected, or null to let the XML declaration decide
   */
  static Parsed parse(
      String feedUrl, byte[] body, @Nullable String contentType, @Nullable Charset charset) {
    if (isJson(body, contentType)) {
      return parseJsonFeed(feedUrl, body);
    }
    try (Reader reader = reader(body, charset)) {
      SyndFeedInput input = new SyndFeedInput();
      input.setAllowDoctypes(true);
      SyndFeed feed = input.build(reader);
      List<SourceItem> items = new ArrayList<>();
      for (SyndEntry entry : feed.getEntries()) {
        items.add(new SourceItem(link(entry), trim(entry.getTitle()), date(entry)));
      }
      return new Parsed(items, List.of());
    } catch (FeedException | IOException | RuntimeException e) {
      return Parsed.failed(feedUrl, "bad-feed", "not a readable RSS/Atom feed: " + oneLine(e));
    }
  }

  private static Reader reader(byte[] body, @Nullable Charset charset) throws IOException {
    if (charset == null) {
      return new XmlReader(new ByteArrayInputStream(body), true);
    }
    String text = new String(body, charset);
    // The fetcher already chose the charset; drop a BOM and let the parser read characters.
    return new StringReader(text.startsWith("\uFEFF") ? text.substring(1) : text);
  }

  private static @Nullable String link(SyndEntry entry) {
    String link = entry.getLink();
    if (link == null || link.isBlank()) {
      String uri = entry.getUri();
      link = uri != null && (uri.startsWith("http://") || uri.startsWith("https://")) ? uri : null;
    }
    return link == null ? null : link.strip();
  }

  private static @Nullable OffsetDateTime date(SyndEntry entry) {
    Date d = entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
    return d == null ? null : d.toInstant().atOffset(ZoneOffset.UTC);
  }

  private static boolean isJson(byte[] body, @Nullable String contentType) {
    if (contentType != null && contentType.contains("json")) {
      return true;
    }
    for (byte b : body) {
      if (!Character.isWhitespace(b) && b != (byte) 0xEF && b != (byte) 0xBB && b != (byte) 0xBF) {
        return b == '{';
      }
    }
    return false;
  }

  private static Parsed parseJsonFeed(String feedUrl, byte[] body) {
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (IOException e) {
      return Parsed.failed(feedUrl, "bad-feed", "not readable JSON: " + oneLine(e));
    }
    if (root == null
        || !root.path("version").asText("").startsWith("https://jsonfeed.org/version/")) {
      return Parsed.failed(feedUrl, "bad-feed", "JSON without a JSON Feed version");
    }
    List<SourceItem> items = new ArrayList<>();
    List<Discovery.Problem> problems = new ArrayList<>();
    for (JsonNode item : root.path("items")) {
      String url = text(item, "url");
      if (url == null) {
        url = text(item, "external_url");
      }
      String published = text(item, "date_published");
      if (published == null) {
        published = text(item, "date_modified");
      }
      OffsetDateTime date = null;
      if (published != null) {
        try {
          date = OffsetDateTime.parse(published);
        } catch (DateTimeParseException e) {
          problems.add(
              new Discovery.Problem(
                  url == null ? feedUrl : url, "bad-date", "unreadable date " + published));
        }
      }
      items.add(new SourceItem(url, trim(text(item, "title")), date));
    }
    return new Parsed(items, problems);
  }

  private static @Nullable String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || !value.isTextual() || value.asText().isBlank()
        ? null
        : value.asText().strip();
  }

  private static @Nullable String trim(@Nullable String s) {
    return s == null || s.isBlank() ? null : s.strip().replaceAll("\\s+", " ");
  }

  static String oneLine(Throwable e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return m.replaceAll("\\s+", " ").strip();
  }
}
