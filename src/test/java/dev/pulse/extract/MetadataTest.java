package dev.pulse.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each metadata field from each source, and which source wins when they disagree. */
class MetadataTest {

  private static final ArticleExtractor EXTRACTOR = new JsoupArticleExtractor();

  static Stream<Arguments> fields() {
    return Stream.of(
        // OpenGraph and <meta>
        row(
            "opengraph-article.html",
            "title from og:title",
            ExtractedArticle::title,
            "City council approves new bike lanes"),
        row(
            "opengraph-article.html",
            "byline from meta author, without By",
            ExtractedArticle::byline,
            "Maria Lopez"),
        row(
            "opengraph-article.html",
            "published from article:published_time",
            a -> a.published(),
            OffsetDateTime.parse("2024-03-05T09:30:00+01:00")),
        row(
            "opengraph-article.html",
            "site name from og:site_name",
            ExtractedArticle::siteName,
            "The Riverside Gazette"),
        row(
            "opengraph-article.html",
            "language from html lang, normalised",
            ExtractedArticle::language,
            "en-US"),
        row(
            "opengraph-article.html",
            "canonical link wins over og:url",
            ExtractedArticle::canonicalUrl,
            "https://gazette.example/news/bike-lanes?ref=canonical"),
        row(
            "opengraph-article.html",
            "relative og:image resolved against the page URL",
            ExtractedArticle::image,
            "https://gazette.example/images/lanes.jpg"),
        row(
            "opengraph-article.html",
            "description from meta description",
            ExtractedArticle::description,
            "The council voted 7-2 to build twelve kilometres of protected lanes."),
        // JSON-LD @graph beats OpenGraph
        row(
            "jsonld-graph.html",
            "headline from JSON-LD wins over og:title",
            ExtractedArticle::title,
            "Storm closes ports along the coast"),
        row(
            "jsonld-graph.html",
            "authors from a JSON-LD array",
            ExtractedArticle::byline,
            "Ana Silva, Tom Becker"),
        row(
            "jsonld-graph.html",
            "datePublished from JSON-LD wins over OpenGraph",
            a -> a.published(),
            OffsetDateTime.parse("2023-11-02T06:15:00-05:00")),
        row(
            "jsonld-graph.html",
            "site name from the article's publisher",
            ExtractedArticle::siteName,
            "Coastal Daily"),
        row(
            "jsonld-graph.html",
            "language from inLanguage when html has none",
            ExtractedArticle::language,
            "en-GB"),
        row(
            "jsonld-graph.html",
            "canonical from mainEntityOfPage",
            ExtractedArticle::canonicalUrl,
            "https://coastal.example/storm"),
        row(
            "jsonld-graph.html",
            "image from an ImageObject",
            ExtractedArticle::image,
            "https://coastal.example/img/storm.jpg"),
        row(
            "jsonld-graph.html",
            "description from JSON-LD",
            ExtractedArticle::description,
            "Ports from north to south stayed shut as winds reached 120 km/h."),
        // Twitter cards
        row(
            "twitter-card.html",
            "title from twitter:title",
            ExtractedArticle::title,
            "Neue Brücke über den Fluss eröffnet"),
        row(
            "twitter-card.html",
            "image from twitter:image",
            ExtractedArticle::image,
            "https://stadt.example/bilder/bruecke.jpg"),
        row(
            "twitter-card.html",
            "description from twitter:description",
            ExtractedArticle::description,
            "Nach drei Jahren Bauzeit ist die Brücke fertig."),
        row(
            "twitter-card.html",
            "a bare dc.date is midnight UTC",
            a -> a.published(),
            OffsetDateTime.parse("2022-06-15T00:00:00Z")),
        row(
            "twitter-card.html",
            "byline from the DOM without Von",
            ExtractedArticle::byline,
            "Klaus Meier"),
        row(
            "twitter-card.html",
            "twitter:site handle is not a site name",
            ExtractedArticle::siteName,
            null),
        // DOM only
        row(
            "dom-only.html",
            "title from h1 when no metadata",
            ExtractedArticle::title,
            "Le musée rouvre ses portes"),
        row(
            "dom-only.html",
            "byline from .byline without Par",
            ExtractedArticle::byline,
            "Claire Dubois"),
        row(
            "dom-only.html",
            "published from <time datetime>",
            a -> a.published(),
            OffsetDateTime.parse("2021-09-10T14:00:00+02:00")),
        row("dom-only.html", "language from html lang", ExtractedArticle::language, "fr"),
        row(
            "dom-only.html",
            "site name from the title bar when none is declared",
            ExtractedArticle::siteName,
            "Journal du Sud"),
        row(
            "dom-only.html",
            "no canonical URL without a source",
            ExtractedArticle::canonicalUrl,
            null),
        row("non-latin.html", "html lang wins over og:locale", ExtractedArticle::language, "ru"));
  }

  private static Arguments row(
      String page, String what, Function<ExtractedArticle, Object> field, Object expected) {
    return Arguments.of(page, what, field, expected);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("fields")
  void readsEachFieldFromTheBestSource(
      String page, String what, Function<ExtractedArticle, Object> field, Object expected) {
    ExtractedArticle article = EXTRACTOR.extract(Fixtures.page(page), pageUrl(page));
    assertThat(field.apply(article)).as(what).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @org.junit.jupiter.params.provider.CsvSource(
      delimiter = ';',
      value = {
        "By Jane Roe Nov 18, 2019 at 9:00 am; Jane Roe",
        "Jane Roe @janeroe; Jane Roe",
        "Jane Roe | Updated 05.03.2024; Jane Roe",
        "Por Juan Pérez 27/09/2018 Comente!; Juan Pérez",
        "JANE ROE and JOHN DOE, Associated Press; JANE ROE and JOHN DOE, Associated Press",
      })
  void keepsOnlyTheNamesOfADomByline(String shown, String expected) {
    String html =
        "<html><body><article><div class=\"byline\">"
            + shown
            + "</div><p>Text of the story,"
            + " long enough to be an article, with commas, and more words.</p></article></body></html>";
    assertThat(EXTRACTOR.extract(html, null).byline()).isEqualTo(expected);
  }

  private static String pageUrl(String page) {
    return page.startsWith("opengraph") ? "https://gazette.example/news/bike-lanes" : null;
  }
}
