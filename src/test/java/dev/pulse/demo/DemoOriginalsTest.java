package dev.pulse.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoOriginalsTest {

  static final String PAGE = "<html><head><link rel=stylesheet href=/theme.css>"
      + "<script src=/app.js></script></head><body>"
      + "<a href=/category/news/>News</a> <a href=#content>Skip</a>"
      + " <a href=/articles/other.html>Other story</a> <a href=missing.html>Gone</a>"
      + " <a href=https://elsewhere.example/>Out</a>"
      + "<img src=/images/lead.svg alt=lead><img src=/images/ad.svg alt=ad>"
      + "<form action=/newsletter><input name=e></form><p>Body text.</p></body></html>";

  @Test
  void aCopyLinksOnlyToOtherCopiesAndItsImagesAndDropsEverythingElse() {
    Document copy = DemoOriginals.standIn(PAGE, "story.html", "The Ledger",
        Set.of("story.html", "other.html")::contains, "lead.svg"::equals);

    assertThat(copy.select("a[href]").eachAttr("href"))
        .containsExactly("../index.html", "#content", "other.html");
    assertThat(copy.select("img").eachAttr("src")).containsExactly("images/lead.svg");
    assertThat(copy.select("script, link")).isEmpty();
    assertThat(copy.select("form[action]")).isEmpty();
    assertThat(copy.text()).contains("News", "Gone", "Out", "Body text.",
        "a copy of a fictional article from The Ledger");
    assertThat(copy.select("meta[http-equiv=Content-Security-Policy]").attr("content"))
        .contains("default-src 'none'");
  }

  @Test
  void writesCopiesOfDemoArticlesOnlyWithTheirImages(@TempDir Path dir) throws Exception {
    Path data = dir.resolve("data");
    Files.createDirectories(data.resolve("articles"));
    Files.createDirectories(data.resolve("images"));
    Files.writeString(data.resolve("articles/story.html"), PAGE);
    Files.writeString(data.resolve("images/lead.svg"), "<svg/>");
    Path site = dir.resolve("site");

    Map<String, String> copies = DemoOriginals.write(data, site, Map.of(
        "http://127.0.0.1:47913/articles/story.html", "The Ledger",
        "https://real.example/articles/story.html", "Real"));

    assertThat(copies).containsExactly(
        Map.entry("http://127.0.0.1:47913/articles/story.html", "originals/story.html"));
    assertThat(site.resolve("originals/images/lead.svg")).exists();
    assertThat(Jsoup.parse(site.resolve("originals/story.html").toFile()).select("img"))
        .hasSize(1);
  }
}
