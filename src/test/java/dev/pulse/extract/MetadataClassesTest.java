package dev.pulse.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The classes of metadata that a wider set of real pages showed wrong (issue 13): titles with the
 * site name left on, bylines with roles, no description, no machine-readable date, unsafe images.
 */
class MetadataClassesTest {

  private static final ArticleExtractor EXTRACTOR = new JsoupArticleExtractor();

  private static final String BODY =
      "<article><p>The council voted on Tuesday to extend the tram line to the airport, ending a"
          + " debate that has run for more than ten years, and work will start in the spring.</p>"
          + "<p>The extension, seven kilometres long, will cost less than a new road, officials"
          + " said, and trams will run every six minutes at peak hours.</p></article>";

  private static ExtractedArticle extract(String head, String body, String url) {
    return EXTRACTOR.extract("<html><head>" + head + "</head><body>" + body + "</body></html>", url);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = ';',
      value = {
        "Tram line to reach the airport by 2030 – Metro Courier;Tram line to reach the airport by 2030",
        "Tram line to reach the airport by 2030: Metro Courier;Tram line to reach the airport by 2030",
        "Metro Courier | Tram line to reach the airport by 2030;Tram line to reach the airport by 2030",
        "Tram line to reach the airport by 2030 · Metro Courier;Tram line to reach the airport by 2030",
      })
  void stripsTheSiteNameWhateverTheSeparator(String titleBar, String expected) {
    ExtractedArticle a = extract("<title>" + titleBar + "</title>", BODY, "https://www.metrocourier.example/news/tram");

    assertThat(a.title()).isEqualTo(expected);
  }

  @Test
  void takesTheHalfOfTheTitleThatTheHeadlineShows() {
    ExtractedArticle a =
        extract(
            "<meta property=\"og:title\" content=\"Transport — Tram line to reach the airport by 2030\">",
            "<h1>Tram line to reach the airport by 2030</h1>" + BODY,
            "https://news.example/a");

    assertThat(a.title()).isEqualTo("Tram line to reach the airport by 2030");
  }

  @Test
  void aTitleThatIsTheSiteNameOrTheDescriptionIsNoTitle() {
    ExtractedArticle a =
        extract(
            "<meta property=\"og:site_name\" content=\"Metro Courier\">"
                + "<meta property=\"og:title\" content=\"Metro Courier\">"
                + "<meta name=\"description\" content=\"News from the city.\">"
                + "<meta name=\"twitter:title\" content=\"News from the city.\">",
            "<h1>Tram line to reach the airport by 2030</h1>" + BODY,
            "https://news.example/a");

    assertThat(a.title()).isEqualTo("Tram line to reach the airport by 2030");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = ';',
      value = {
        "By Jane Doe, Staff Writer;Jane Doe",
        "BY JANE DOE;JANE DOE",
        "Jane Doe - Senior Reporter;Jane Doe",
        "By Jane Doe | March 3, 2025;Jane Doe",
        "Jane Doe, Political Correspondent at Metro Courier;Jane Doe",
      })
  void keepsOnlyTheNameOfAByline(String shown, String expected) {
    ExtractedArticle a = extract("<meta name=\"author\" content=\"" + shown + "\">", BODY, null);

    assertThat(a.byline()).isEqualTo(expected);
  }

  @Test
  void aRoleAloneIsNoByline() {
    assertThat(extract("<meta name=\"author\" content=\"Staff Writer\">", BODY, null).byline()).isNull();
  }

  @Test
  void readsAVisibleBylineAndDateByTheHeadline() {
    ExtractedArticle a =
        extract(
            "<title>Tram line to reach the airport</title>",
            "<h1>Tram line to reach the airport</h1><div class=\"meta\"><p>By Jane Doe</p>"
                + "<p>Published March 3, 2025</p></div>" + BODY,
            null);

    assertThat(a.byline()).isEqualTo("Jane Doe");
    assertThat(a.published()).isEqualTo(OffsetDateTime.parse("2025-03-03T00:00:00Z"));
  }

  @Test
  void aDateInsideTheArticleIsNoDateline() {
    ExtractedArticle a =
        extract(
            "<title>Tram line</title>",
            "<h1>Tram line</h1><article><p>The line, first proposed on March 3, 2011, was delayed"
                + " again and again, and the council only found the money for it this year, after a"
                + " long fight with the region over who should pay for the new depot.</p></article>",
            null);

    assertThat(a.published()).isNull();
  }

  @Test
  void fallsBackToTheFirstRealParagraphForTheDescription() {
    ExtractedArticle a =
        extract("<title>Tram line</title>", "<h1>Tram line</h1>" + BODY, null);

    assertThat(a.description())
        .isEqualTo(
            "The council voted on Tuesday to extend the tram line to the airport, ending a debate"
                + " that has run for more than ten years, and work will start in the spring.");
  }

  @Test
  void keepsOnlyHttpImages() {
    ExtractedArticle a =
        extract(
            "<meta property=\"og:image\" content=\"javascript:alert(1)\">"
                + "<meta name=\"twitter:image\" content=\"data:image/png;base64,AAAA\">"
                + "<link rel=\"image_src\" href=\"/lead.jpg\">",
            BODY,
            "https://news.example/a");

    assertThat(a.image()).isEqualTo("https://news.example/lead.jpg");
    assertThat(extract("<meta property=\"og:image\" content=\"javascript:alert(1)\">", BODY, "https://news.example/a").image())
        .isNull();
  }
}
