package dev.pulse.source;

import crawlercommons.sitemaps.AbstractSiteMap;
import crawlercommons.sitemaps.SiteMap;
import crawlercommons.sitemaps.SiteMapIndex;
import crawlercommons.sitemaps.SiteMapParser;
import crawlercommons.sitemaps.SiteMapURL;
import crawlercommons.sitemaps.UnknownFormatException;
import crawlercommons.sitemaps.extension.Extension;
import crawlercommons.sitemaps.extension.ExtensionMetadata;
import crawlercommons.sitemaps.extension.NewsAttributes;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads sitemaps, sitemap indexes and news sitemaps (XML, text, gzip, and RSS/Atom read as
 * sitemaps) with crawler-commons. No I/O: an index gives the child sitemaps for the caller to
 * fetch.
 */
final class SitemapReader {

  /** One parsed sitemap document: its article URLs, or the child sitemaps of an index. */
  record Page(Parsed parsed, List<String> children) {
    Page {
      children = List.copyOf(children);
    }
  }

  private SitemapReader() {}

  static Page parse(String sitemapUrl, byte[] body, @Nullable String contentType) {
    URL url;
    try {
      url = URI.create(sitemapUrl).toURL();
    } catch (IllegalArgumentException | MalformedURLException e) {
      return new Page(
          Parsed.failed(sitemapUrl, "invalid-url", "not a valid sitemap URL"), List.of());
    }
    SiteMapParser parser = new SiteMapParser(false);
    parser.enableExtension(Extension.NEWS);
    AbstractSiteMap map;
    try {
      map =
          contentType == null
              ? parser.parseSiteMap(body, url)
              : parser.parseSiteMap(contentType, body, url);
    } catch (UnknownFormatException | IOException | RuntimeException e) {
      return new Page(
          Parsed.failed(
              sitemapUrl, "bad-sitemap", "not a readable sitemap: " + FeedParser.oneLine(e)),
          List.of());
    }
    if (map instanceof SiteMapIndex index) {
      List<AbstractSiteMap> children = new ArrayList<>(index.getSitemaps());
      // Newest first: with a cap on children fetched, the recent ones matter for news.
      children.sort(
          Comparator.comparing(
              AbstractSiteMap::getLastModified, Comparator.nullsLast(Comparator.reverseOrder())));
      return new Page(
          new Parsed(List.of(), List.of()),
          children.stream().map(c -> c.getUrl().toString()).toList());
    }
    List<SourceItem> items = new ArrayList<>();
    for (SiteMapURL entry : ((SiteMap) map).getSiteMapUrls()) {
      items.add(item(entry));
    }
    return new Page(new Parsed(items, List.of()), List.of());
  }

  private static SourceItem item(SiteMapURL entry) {
    String title = null;
    OffsetDateTime published = null;
    ExtensionMetadata[] news = entry.getAttributesForExtension(Extension.NEWS);
    if (news != null) {
      for (ExtensionMetadata meta : news) {
        if (meta instanceof NewsAttributes attrs) {
          title = attrs.getTitle();
          if (attrs.getPublicationDateTime() != null) {
            published = attrs.getPublicationDateTime().toOffsetDateTime();
          }
        }
      }
    }
    if (published == null && entry.getLastModified() != null) {
      published = entry.getLastModified().toInstant().atOffset(ZoneOffset.UTC);
    }
    return new SourceItem(entry.getUrl().toString(), title, published);
  }
}
