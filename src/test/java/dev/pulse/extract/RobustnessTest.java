package dev.pulse.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Hostile or degenerate input yields a result, never an exception. */
class RobustnessTest {

  private static final ArticleExtractor EXTRACTOR = new JsoupArticleExtractor();

  private static final String PARAGRAPH =
      "<p>The committee met again on Monday, and after a long discussion, it agreed to publish"
          + " the report, which had been delayed twice, before the end of the month.</p>\n";

  @Test
  void extractsTheArticleFromAFiveMegabytePage() {
    StringBuilder html = new StringBuilder("<html><body><nav>");
    while (html.length() < 4_000_000) {
      html.append("<a href='/x'>link</a> ");
    }
    html.append("</nav><article>");
    for (int i = 0; i < 20; i++) {
      html.append(PARAGRAPH);
    }
    html.append("</article><script>");
    while (html.length() < 5_200_000) {
      html.append("var x = 1;\n");
    }
    html.append("</script></body></html>");

    ExtractedArticle article = EXTRACTOR.extract(html.toString(), "https://example.org/a");

    assertThat(article.text()).contains("The committee met again on Monday");
  }

  @Test
  void survivesDeeplyNestedMarkup() {
    int depth = 100_000;
    String html =
        "<html><body>"
            + "<div>".repeat(depth)
            + PARAGRAPH.repeat(3)
            + "</div>".repeat(depth)
            + "</body></html>";

    ExtractedArticle article = EXTRACTOR.extract(html, null);

    assertThat(article.text()).contains("The committee met again on Monday");
  }

  @Test
  void survivesDeeplyNestedInlineMarkup() {
    int depth = 50_000;
    String html =
        "<html><body><p>"
            + "<b><i>".repeat(depth)
            + "deep"
            + "</i></b>".repeat(depth)
            + "</p>"
            + PARAGRAPH.repeat(3)
            + "</body></html>";

    assertThat(EXTRACTOR.extract(html, null).text()).contains("The committee met again");
  }

  @Test
  void extractsFromBrokenMarkup() {
    ExtractedArticle article = EXTRACTOR.extract(Fixtures.page("broken-markup.html"), null);

    assertThat(article.text()).contains("The third paragraph ends the article");
    assertThat(article.title()).isEqualTo("Broken page");
  }

  @Test
  void givesEmptyTextForEmptyInput() {
    ExtractedArticle article = EXTRACTOR.extract("", null);

    assertThat(article.hasText()).isFalse();
    assertThat(article.title()).isNull();
  }

  @Test
  void givesEmptyTextForNullInput() {
    assertThat(EXTRACTOR.extract(null, null).hasText()).isFalse();
  }

  @Test
  void givesEmptyTextForPlainNonHtml() {
    assertThat(EXTRACTOR.extract("\u0000\u0001 binary {} garbage <<<>>>", "not a url").hasText())
        .isFalse();
  }

  @Test
  void ignoresMalformedJsonLd() {
    String html =
        "<html><head><title>Fine</title><script type='application/ld+json'>{\"@type\": \"NewsArticle\","
            + " \"headline\": </script></head><body><article>"
            + PARAGRAPH.repeat(3)
            + "</article></body></html>";

    ExtractedArticle article = EXTRACTOR.extract(html, null);

    assertThat(article.title()).isEqualTo("Fine");
    assertThat(article.text()).contains("The committee met again");
  }

  @Test
  void hasAVersion() {
    assertThat(EXTRACTOR.version()).startsWith("jsoup-extractor/");
  }
}
