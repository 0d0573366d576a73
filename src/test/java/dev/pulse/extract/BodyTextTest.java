package dev.pulse.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What the body text keeps and what it leaves out, page by page. */
class BodyTextTest {

  private static final ArticleExtractor EXTRACTOR = new JsoupArticleExtractor();

  static Stream<Arguments> pages() {
    return Stream.of(
        Arguments.of(
            "opengraph-article.html",
            List.of(
                "The city council on Tuesday approved a plan",
                "What happens next",
                "Phase one: the river path, four kilometres.",
                "Opponents argued that the lanes would remove parking spaces",
                "to applause from the public gallery."),
            List.of(
                "cookies",
                "Home",
                "Share on Facebook",
                "Maria Lopez",
                "Photo: Jan Novak",
                "newsletter",
                "Advertisement",
                "Bus fares to rise",
                "waste of money",
                "All rights reserved",
                "City council approves new bike lanes")),
        Arguments.of(
            "jsonld-graph.html",
            List.of("Every port along the coast stayed closed", "high tides could still bring"),
            List.of("Storm closes ports along the coast")),
        Arguments.of(
            "twitter-card.html",
            List.of("Nach drei Jahren Bauzeit", "deutlich entlasten."),
            List.of("Von Klaus Meier")),
        Arguments.of(
            "dom-only.html",
            List.of("Après deux ans de travaux", "les écoles de toute la région."),
            List.of("Par Claire Dubois", "10 septembre 2021")),
        Arguments.of(
            "broken-markup.html",
            List.of("This paragraph is never closed", "nested italics", "with a full stop."),
            List.of("unterminated comment")),
        Arguments.of(
            "declared-body.html",
            List.of(
                "a public promenade along the water.\n\nThe work, which will take six years",
                "chosen by the council in the summer."),
            List.of()),
        Arguments.of(
            "split-body.html",
            List.of(
                "The city library will stay open",
                "Staff will work in shifts",
                "after a long day at work."),
            List.of("Sponsored")),
        Arguments.of(
            "non-latin.html",
            List.of("открылась новая библиотека, в которой", "東京の新しい図書館は", "будет бесплатным."),
            List.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pages")
  void keepsTheArticleAndDropsTheFurniture(String page, List<String> kept, List<String> dropped) {
    String text = EXTRACTOR.extract(Fixtures.page(page), null).text();
    assertThat(text).contains(kept);
    for (String d : dropped) {
      assertThat(text).as("should not contain %s", d).doesNotContain(d);
    }
  }

  @Test
  void keepsReadingOrderAndSeparatesParagraphsByBlankLines() {
    String text = EXTRACTOR.extract(Fixtures.page("opengraph-article.html"), null).text();
    assertThat(text)
        .startsWith("The city council on Tuesday approved")
        .contains("into the night.\n\nThe plan, which passed")
        .contains("\n\nWhat happens next\n\n")
        .contains("Phase one: the river path, four kilometres.\nPhase two:")
        .endsWith("from the public gallery.");
    assertThat(text.indexOf("What happens next")).isLessThan(text.indexOf("Opponents argued"));
  }

  @Test
  void prefersTheDeclaredBodyWhenTheDomShowsOtherWords() {
    String declared =
        "Divers found the wreck of a steamship that sank in the lake in 1911, with its cargo of"
            + " coal still in the hold, the museum said on Tuesday. The ship lies at a depth of"
            + " sixty metres, upright and almost intact, and will be mapped with sonar next year."
            + " Historians had searched for it for decades, using old maps, letters and the logs of"
            + " other ships that sailed the lake that autumn. Relatives of the crew, who all"
            + " survived, plan to lay a wreath on the water above the wreck in the summer, when"
            + " the lake is calm and the ferries run again.";
    String other =
        "<p>Our terms of service, which you accept by using this site, cover accounts, payments,"
            + " refunds, privacy, cookies and many other matters, in great detail, for everyone.</p>";
    String html =
        "<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
            + "\"articleBody\":\""
            + declared
            + "\"}</script></head><body><div>"
            + other.repeat(6)
            + "</div></body></html>";

    assertThat(EXTRACTOR.extract(html, null).text()).startsWith("Divers found the wreck");
  }

  private static final String PARAS =
      "<p>The committee met again on Monday, and after a long discussion, it agreed to publish"
          + " the report, which had been delayed twice, before the end of the month.</p>"
          + "<p>Members said the findings, which cover ten years of spending, would be presented"
          + " to the council in full, with a summary for the public, in the new year.</p>";

  private static final String LINK_LIST =
      "<ul><li>Bus fares <a href='/1'>to rise in April</a></li>"
          + "<li>New bridge <a href='/2'>opens to traffic</a></li>"
          + "<li>Council budget <a href='/3'>approved after debate</a></li></ul>";

  @Test
  void dropsALinkListThatEndsTheArticle() {
    String html =
        "<html><body><article>"
            + PARAS
            + "<div>More stories</div>"
            + LINK_LIST
            + "</article></body></html>";

    String text = EXTRACTOR.extract(html, null).text();

    assertThat(text).endsWith("in the new year.").doesNotContain("More stories", "Bus fares");
  }

  @Test
  void dropsAParagraphOfHeadlineLinks() {
    String html =
        "<html><body><article>"
            + PARAS
            + "<p><a href='/1'>Bus fares to rise in April, the"
            + " operator says</a> [VIDEO]<br><a href='/2'>New bridge opens to traffic after three"
            + " years of work</a> [INSIGHT]<br><a href='/3'>Council budget approved after a long"
            + " debate</a></p>"
            + PARAS.replace("committee", "board")
            + "</article></body></html>";

    assertThat(EXTRACTOR.extract(html, null).text())
        .contains("The board met again")
        .doesNotContain("Bus fares", "[VIDEO]");
  }

  @Test
  void keepsALinkListInsideTheArticle() {
    String html =
        "<html><body><article>"
            + PARAS
            + "<p>The report lists three decisions:</p>"
            + LINK_LIST
            + PARAS.replace("committee", "board")
            + "</article></body></html>";

    assertThat(EXTRACTOR.extract(html, null).text()).contains("Bus fares to rise in April");
  }

  @Test
  void keepsProseUnderAMisleadingClass() {
    String paragraph =
        "<p>The old harbour will be rebuilt over six years, with new quays, a ferry terminal and a"
            + " promenade, the port authority said on Monday after a long public consultation.</p>";
    String html =
        "<html><body><div class=\"layout-with-social-bar\">"
            + paragraph.repeat(6)
            + "</div><div><p>About us: the Gazette has served the river towns since 1901, with"
            + " news, sport and weather, and it is owned by a trust, not by shareholders.</p>"
            + "<p>Contact the newsroom by letter, by phone or in person at the office on the"
            + " market square, open on weekdays from nine to five, except on holidays.</p>"
            + "<p>Corrections are published on page two, and complaints go to the editor, who"
            + " answers every one of them in writing within a fortnight, as the charter says.</p>"
            + "</div></body></html>";

    String text = EXTRACTOR.extract(html, null).text();

    assertThat(text).startsWith("The old harbour will be rebuilt");
  }

  @Test
  void normalisesWhitespace() {
    String html =
        "<html><body><article><p>  Lots   of\n\n spaces\u00a0and\ttabs, in a paragraph that is long"
            + " enough,   by far, to count as the text of an article.  </p></article></body></html>";
    assertThat(EXTRACTOR.extract(html, null).text())
        .isEqualTo(
            "Lots of spaces and tabs, in a paragraph that is long enough, by far, to count as the"
                + " text of an article.");
  }

  @Test
  void findsNoArticleOnAHomePage() {
    assertThat(EXTRACTOR.extract(Fixtures.page("no-article.html"), null).hasText()).isFalse();
  }

  @Test
  void findsNoArticleOnANotFoundPage() {
    assertThat(EXTRACTOR.extract(Fixtures.page("not-found.html"), null).hasText()).isFalse();
  }
}
