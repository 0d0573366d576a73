package dev.pulse.publish;

import dev.pulse.similar.EntryVectors;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import dev.pulse.analyze.Sentiment;
import dev.pulse.store.Entry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scraped and generated strings are hostile by default: they must come out as inert text. */
class HostileEntryTest {

  static final String TITLE = "<script>alert(1)</script>\"><img src=x onerror=alert(2)> & 'quotes'";
  static final String SUMMARY = "</p><script>alert(3)</script><a href=\"javascript:alert(4)\">x</a>"
      + "' onmouseover='alert(5)' \" onfocus=\"alert(6)` {{template}} \u0000\u0007end.";
  static final String NOTE = "<iframe src=\"//evil.example\"></iframe>";

  @TempDir static Path out;
  static List<Entry> hostile = new ArrayList<>();

  @BeforeAll
  static void render() {
    hostile.add(withImage(TestEntries.entry("javascript:alert(document.cookie)//", "<svg onload=alert(7)>",
        TITLE, SUMMARY, "<b>Cat</b>", Sentiment.NEGATIVE,
        List.of("\"><script>alert(8)</script>", "javascript:alert(9)"),
        TestEntries.hoursAgo(1), NOTE), "javascript:alert(10)"));
    hostile.add(withImage(TestEntries.entry("https://evil.example/\"><script>alert(11)</script>",
        "Evil", "Quote \" trick ' title", "Summary with \"quotes\" and 'apostrophes'.",
        "<b>Cat</b>", Sentiment.NEUTRAL, List.of("x"), TestEntries.hoursAgo(2)),
        "data:image/svg+xml,<svg onload=alert(12)>"));
    hostile.add(TestEntries.entry(" JaVaScRiPt:alert(13)", "Evil", "Mixed case scheme",
        "Summary.", "World", Sentiment.POSITIVE, List.of(), TestEntries.hoursAgo(3)));
    List<Entry> all = new ArrayList<>(TestEntries.sample());
    all.addAll(hostile);
    new SiteRenderer(TestEntries.settings(), EntryVectors.hashedWords()).write(all, out);
  }

  static Entry withImage(Entry e, String image) {
    return new Entry(e.id(), e.url(), e.source(), e.title(), e.byline(), e.published(),
        e.siteName(), e.language(), image, e.text(), e.summary(), e.editorsNote(), e.sentiment(),
        e.category(), e.topics(), e.provenance());
  }

  static List<Path> htmlFiles() throws Exception {
    try (var files = Files.walk(out)) {
      return files.filter(p -> p.toString().endsWith(".html")).toList();
    }
  }

  @Test
  void theExportCarriesOnlyHttpImages() {
    assertThat(JsonlExporter.toJson(hostile.get(0)).get("image").isNull()).isTrue();
    assertThat(JsonlExporter.toJson(hostile.get(1)).get("image").isNull()).isTrue();
    Entry fine = withImage(hostile.get(2), "https://news.example/lead.jpg");
    assertThat(JsonlExporter.toJson(fine).get("image").asText()).isEqualTo("https://news.example/lead.jpg");
  }

  @Test
  void noPageContainsScriptsEventHandlersOrFrames() throws Exception {
    for (Path f : htmlFiles()) {
      Document doc = Jsoup.parse(f.toFile(), "UTF-8");
      assertThat(doc.select("script, iframe, svg, object, embed, style")).as(f.toString()).isEmpty();
      for (Element el : doc.getAllElements()) {
        for (Attribute a : el.attributes()) {
          assertThat(a.getKey().toLowerCase(Locale.ROOT)).as(f + " " + el.tagName())
              .doesNotStartWith("on");
        }
      }
    }
  }

  @Test
  void everyLinkAndImageIsRelativeOrHttp() throws Exception {
    for (Path f : htmlFiles()) {
      Document doc = Jsoup.parse(f.toFile(), "UTF-8");
      for (Element el : doc.select("[href], [src]")) {
        String url = el.hasAttr("href") ? el.attr("href") : el.attr("src");
        String scheme = url.contains(":") ? url.substring(0, url.indexOf(':')).strip() : "";
        assertThat(scheme.toLowerCase(Locale.ROOT)).as(f + ": " + url).isIn("", "http", "https");
        if (scheme.isEmpty()) {
          assertThat(url).as(f.toString()).matches("[A-Za-z0-9_./#-]+");
        }
      }
    }
  }

  @Test
  void hostileTextIsShownLiterally() throws Exception {
    Entry e = hostile.get(0);
    Document doc = Jsoup.parse(out.resolve("entries/" + e.id() + ".html").toFile(), "UTF-8");

    assertThat(doc.selectFirst("h1").text()).isEqualTo(TITLE);
    assertThat(doc.selectFirst(".lede").text()).startsWith("</p><script>alert(3)</script>")
        .endsWith("{{template}} end.");
    assertThat(doc.selectFirst(".note p").text()).isEqualTo(NOTE);
    assertThat(doc.selectFirst(".kicker").text()).isEqualTo("<b>Cat</b>");
    assertThat(doc.select(".topic-tag").eachText())
        .containsExactly("#\"><script>alert(8)</script>", "#javascript:alert(9)");
    assertThat(doc.select(".original")).as("no link to a javascript: URL").isEmpty();
    assertThat(doc.select(".lead-image")).as("no javascript: image").isEmpty();
  }

  @Test
  void aUrlWithQuotesAndAngleBracketsGetsNoLink() throws Exception {
    Entry e = hostile.get(1);
    Document doc = Jsoup.parse(out.resolve("entries/" + e.id() + ".html").toFile(), "UTF-8");

    assertThat(doc.selectFirst("h1").text()).isEqualTo("Quote \" trick ' title");
    assertThat(doc.select(".original")).isEmpty();
    assertThat(doc.select("img")).isEmpty();
  }

  @Test
  void feedsStayWellFormedAndCarryTheTextLiterally() throws Exception {
    SyndFeed atom = new SyndFeedInput().build(new XmlReader(out.resolve("feed.atom").toFile()));
    assertThat(atom.getEntries()).anySatisfy(x -> {
      assertThat(x.getTitle()).isEqualTo(TITLE);
      assertThat(x.getLink()).isNull();
    });
    JsonNode json = new ObjectMapper().readTree(out.resolve("feed.json").toFile());
    assertThat(json.get("items")).anySatisfy(item -> {
      assertThat(item.get("title").asText()).isEqualTo(TITLE);
      assertThat(item.has("url")).isFalse();
      assertThat(item.get("content_text").asText()).doesNotContain("\u0000", "\u0007");
    });
  }
}
