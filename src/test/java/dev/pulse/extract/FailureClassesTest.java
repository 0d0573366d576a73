package dev.pulse.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * One small synthetic page per class of page that a wider set of real pages showed the extractor
 * getting wrong (issue 13). General rules only: nothing here names a site.
 */
class FailureClassesTest {

  private static final ArticleExtractor EXTRACTOR = new JsoupArticleExtractor();

  private static String text(String page) {
    return EXTRACTOR.extract(Fixtures.page(page), null).text();
  }

  @Test
  void dropsStoryCardsInsideTheArticleContainer() {
    String text = text("story-cards-inside.html");

    assertThat(text)
        .contains("The harbour ferry between the old town", "from six in the morning")
        .contains("The new boats are electric", "in a statement on Sunday evening.")
        .doesNotContain("Bridge tolls to rise", "Drivers will pay more", "The path, four kilometres");
  }

  @Test
  void keepsAPostWrittenEntirelyAsAList() {
    String text = text("list-post.html");

    assertThat(text)
        .contains("The first morning I reached for the phone")
        .contains("On the last day I felt calmer")
        .doesNotContain("Feed");
  }

  @Test
  void keepsAContinuationBlockInASiblingContainer() {
    String text = text("sibling-blocks.html");

    assertThat(text)
        .contains("Apple growers in the valley", "the association's chair said on Thursday.")
        .contains("The regional government said it would consider emergency payments")
        .doesNotContain("Advertisement", "Contact the newsroom");
  }

  @Test
  void keepsTheWordsOfLinksInsideASentenceWhateverTheirClass() {
    String text = text("inline-links.html");

    assertThat(text)
        .contains("add its bin folder to your path")
        .contains("the version and the runtime it found")
        .contains("the default layout of its sources");
  }

  @Test
  void keepsHeadingsInsideTheBody() {
    String text = text("inline-links.html");

    assertThat(text)
        .contains("from the command line, and how to add a first dependency.\n\nInstalling\n\nDownload")
        .contains("\n\nYour first project\n\nCreate an empty folder");
  }

  @Test
  void keepsEmbeddedPostsQuotedInTheBody() {
    String text = text("embedded-post.html");

    assertThat(text)
        .contains("The unions chose to strike in the middle of exam week.")
        .contains("We asked for talks on the 10th, the 17th and the 24th of January.")
        .contains("Talks are expected to resume on Friday");
  }

  @Test
  void aShortPostBeatsARelatedPostsBox() {
    String text = text("short-post-related.html");

    assertThat(text)
        .contains("The tomatoes finally ripened this week")
        .contains("I will write a longer post about the new compost bins soon")
        .doesNotContain("raised beds", "beer traps", "yoghurt pots", "Testing the soil", "soil testing kit");
  }

  @Test
  void aPageOfStoryCardsHasNoArticle() {
    assertThat(text("section-front.html")).isEmpty();
  }

  @Test
  void stillDropsScreenReaderTextInsideASentence() {
    String html =
        "<html><body><article><p>The report, published on Monday, found that most of the city's"
            + " bridges need repairs within ten years, and that <a href=\"/r.pdf\">the full report"
            + "<span class=\"sr-only\"> (opens in a new tab)</span></a> lists each of them.</p>"
            + "<p>The council will debate the findings next week, before it sets the budget for the"
            + " coming year, a spokesman said on Tuesday afternoon.</p></article></body></html>";

    String text = EXTRACTOR.extract(html, null).text();

    assertThat(text).contains("and that the full report lists each of them.").doesNotContain("opens in");
  }

  @Test
  void keepsLiveBlogEntriesWhoseHeadingsLinkToThemselves() {
    StringBuilder html = new StringBuilder("<html><body><main>");
    for (int i = 1; i <= 4; i++) {
      html.append("<div class=\"entry\"><h2><a href=\"#update-").append(i)
          .append("\">Update number ").append(i).append(" from the count</a></h2><p>Counting in district ")
          .append(i).append(" finished at midnight, and the result, which surprised both parties,"
              + " will be confirmed by the electoral board in the morning.</p></div>");
    }
    html.append("</main></body></html>");

    String text = EXTRACTOR.extract(html.toString(), null).text();

    assertThat(text).contains("Counting in district 1 finished", "Counting in district 4 finished");
  }
}
