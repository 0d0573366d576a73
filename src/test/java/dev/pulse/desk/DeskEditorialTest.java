package dev.pulse.desk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.analyze.Sentiment;
import dev.pulse.editorial.ReviewMode;
import dev.pulse.store.Entry;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Review, corrections, audit and locks over HTTP, and what the public site shows after them. */
class DeskEditorialTest {

  @TempDir Path dir;
  DeskFixture desk;
  Browser ed;
  Browser ada;
  Browser reader;

  @BeforeEach
  void start() {
    desk = new DeskFixture(dir, 6);
    ed = new Browser(desk.base);
    ed.login("ed", DeskFixture.PASSWORD);
    ada = new Browser(desk.base);
    ada.login("ada", DeskFixture.PASSWORD);
    reader = new Browser(desk.base);
  }

  @AfterEach
  void stop() {
    desk.close();
  }

  String entryPage(int i) {
    return "/entries/" + DeskFixture.id(i) + ".html";
  }

  HttpResponse<String> review(Browser b, int i, String state) {
    return b.postFrom(
        "/desk",
        "/desk/entries/" + DeskFixture.id(i) + "/review",
        Map.of("state", state, "back", "/desk"));
  }

  Map<String, String> form(String summary, String category) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("summary", summary);
    f.put("editorsNote", "");
    f.put("sentiment", "Negative");
    f.put("category", category);
    f.put("topics", "Harbour, Tides");
    f.put("version", "0");
    return f;
  }

  HttpResponse<String> save(Browser b, int i, Map<String, String> form) {
    String page = "/desk/entries/" + DeskFixture.id(i);
    return b.postFrom(page, page, form);
  }

  @Test
  void theQueueListsNewEntriesNewestFirstAndFilters() {
    String queue = ed.get("/desk").body();
    assertThat(queue).contains("Review queue").contains("(6)");
    assertThat(queue.indexOf("Story number 5")).isLessThan(queue.indexOf("Story number 4"));
    String science = ed.get("/desk?category=Science&state=all").body();
    assertThat(science).contains("Story number 1").doesNotContain("Story number 0");
    assertThat(ed.get("/desk?sentiment=Negative&source=Daily+Planet").body())
        .contains("Story number 2")
        .doesNotContain("Story number 1<");
  }

  @Test
  void rejectingAnEntryTakesItOffThePublicSiteAndItsFeeds() {
    assertThat(reader.get(entryPage(2)).statusCode()).isEqualTo(200);
    assertThat(review(ed, 2, "rejected").statusCode()).isEqualTo(303);
    assertThat(reader.get(entryPage(2)).statusCode()).isEqualTo(404);
    assertThat(reader.get("/feed.json").body()).doesNotContain("Story number 2 ");
    assertThat(ed.get("/desk?state=rejected").body()).contains("Story number 2");
    assertThat(ed.get("/desk/entries/" + DeskFixture.id(2)).body())
        .contains("ed")
        .contains("state")
        .contains("rejected");
  }

  @Test
  void underRequiredReviewOnlyApprovedEntriesArePublished() {
    desk.mode = ReviewMode.REQUIRED;
    desk.server.invalidateSite();
    assertThat(reader.get(entryPage(1)).statusCode()).isEqualTo(404);
    review(ed, 1, "approved");
    assertThat(reader.get(entryPage(1)).statusCode()).isEqualTo(200);
    assertThat(reader.get(entryPage(3)).statusCode()).isEqualTo(404);
    assertThat(reader.get("/feed.atom").body())
        .contains("Story number 1 ")
        .doesNotContain("Story number 3 ");
  }

  @Test
  void anEditWinsOnThePublicPagesAndSurvivesANewAnalysis() {
    HttpResponse<String> saved = save(ed, 4, form("An editor's better summary.", "Science"));
    assertThat(saved.statusCode()).isEqualTo(303);
    assertThat(reader.get(entryPage(4)).body())
        .contains("An editor&#39;s better summary.", "An editor's better summary.".substring(0, 0))
        .contains("Science");
    // the analyzer runs again with --force: a new analysis overwrites the entry's row
    Entry old = desk.entries.entryStore().find(DeskFixture.id(4)).orElseThrow();
    desk.entries
        .entryStore()
        .upsert(
            new Entry(
                old.id(),
                old.url(),
                old.source(),
                old.title(),
                old.byline(),
                old.published(),
                old.siteName(),
                old.language(),
                old.image(),
                old.text(),
                "A brand new AI summary.",
                null,
                Sentiment.POSITIVE,
                "Business",
                List.of("Ships"),
                old.provenance()));
    desk.server.invalidateSite();
    String page = reader.get(entryPage(4)).body();
    assertThat(page).contains("better summary").doesNotContain("brand new AI summary");
    String deskPage = ed.get("/desk/entries/" + DeskFixture.id(4)).body();
    assertThat(deskPage).contains("A brand new AI summary.").contains("better summary");
    assertThat(deskPage).contains("summary").contains("Summary of story 4");
  }

  @Test
  void theFaithfulnessFlagsShowOnTheDeskButNotOnThePublicPage() {
    flag(3);

    assertThat(ed.get("/desk/entries/" + DeskFixture.id(3)).body())
        .contains("Check before approving")
        .contains("unsupported number &quot;2,000&quot;");
    assertThat(ed.get("/desk/entries/" + DeskFixture.id(2)).body())
        .doesNotContain("Check before approving");
    review(ed, 3, "approved");
    assertThat(reader.get(entryPage(3)).body())
        .contains("Story number 3")
        .doesNotContain("unsupported")
        .doesNotContain("2,000");
  }

  @Test
  void underOptionalReviewAFlaggedEntryIsHeldUntilApproved() {
    flag(3);

    assertThat(reader.get(entryPage(3)).statusCode()).isEqualTo(404);
    assertThat(reader.get(entryPage(2)).statusCode()).isEqualTo(200);
    assertThat(reader.get("/feed.atom").body()).doesNotContain("Story number 3 ");
    assertThat(ed.get("/desk").body()).contains("Story number 3");
    review(ed, 3, "approved");
    assertThat(reader.get(entryPage(3)).statusCode()).isEqualTo(200);
    assertThat(reader.get("/feed.atom").body()).contains("Story number 3 ");
  }

  /** Stores entry i again with a faithfulness flag, as a run would after an unfaithful reply. */
  void flag(int i) {
    Entry old = desk.entries.entryStore().find(DeskFixture.id(i)).orElseThrow();
    desk.entries
        .entryStore()
        .upsert(
            new Entry(
                old.id(),
                old.url(),
                old.source(),
                old.title(),
                old.byline(),
                old.published(),
                old.siteName(),
                old.language(),
                old.image(),
                old.text(),
                old.summary(),
                old.editorsNote(),
                old.sentiment(),
                old.category(),
                old.topics(),
                old.provenance(),
                List.of("unsupported number \"2,000\"")));
    desk.server.invalidateSite();
  }

  @Test
  void aCategoryOutsideTheTaxonomyIsRefusedAndNothingChanges() {
    HttpResponse<String> res = save(ed, 3, form("Something else.", "Gossip"));
    assertThat(res.statusCode()).isEqualTo(400);
    assertThat(desk.desk.correction(DeskFixture.id(3))).isEmpty();
  }

  @Test
  void theSecondOfTwoConcurrentSavesIsRefusedWithTheFirstOnesChange() {
    String page = "/desk/entries/" + DeskFixture.id(5);
    String edForm = ed.get(page).body();
    String adaForm = ada.get(page).body();
    assertThat(adaForm).contains("Being edited by").contains("ed");
    Map<String, String> first = form("Ed's summary.", "World");
    first.put("csrf", Browser.csrf(edForm));
    assertThat(ed.post(page, first).statusCode()).isEqualTo(303);
    Map<String, String> second = form("Ada's summary.", "World");
    second.put("csrf", Browser.csrf(adaForm));
    HttpResponse<String> refused = ada.post(page, second);
    assertThat(refused.statusCode()).isEqualTo(409);
    assertThat(refused.body())
        .contains("Not saved")
        .contains("Ed&#39;s summary.")
        .contains("Ada&#39;s summary.");
    assertThat(desk.desk.correction(DeskFixture.id(5)).orElseThrow().summary())
        .isEqualTo("Ed's summary.");
  }

  @Test
  void aHostileSummaryTypedByAnEditorIsTextEverywhere() {
    String hostile = "<script>alert(1)</script><img src=x onerror=alert(2)> & \"quotes\"";
    assertThat(save(ed, 0, form(hostile, "World")).statusCode()).isEqualTo(303);
    List<String> pages = List.of(entryPage(0), "/", "/feed.atom", "/categories/world.html");
    for (String p : pages) {
      HttpResponse<String> res = reader.get(p);
      assertThat(res.statusCode()).as(p).isEqualTo(200);
      assertThat(res.body()).as(p).doesNotContain("<script>alert(1)").doesNotContain("<img src=x");
    }
    assertThat(reader.get(entryPage(0)).body()).contains("&lt;script&gt;alert(1)");
    // JSON Feed: the summary travels in the plain-text fields only, never as content_html
    com.fasterxml.jackson.databind.JsonNode feed;
    try {
      feed =
          new com.fasterxml.jackson.databind.ObjectMapper()
              .readTree(reader.get("/feed.json").body());
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
    assertThat(feed.path("items"))
        .anySatisfy(item -> assertThat(item.path("summary").asText()).isEqualTo(hostile));
    assertThat(feed.path("items"))
        .allSatisfy(
            item -> assertThat(item.path("content_html").asText("")).doesNotContain("<script"));
    for (String p : List.of("/desk", "/desk/entries/" + DeskFixture.id(0))) {
      assertThat(ed.get(p).body())
          .as(p)
          .doesNotContain("<script>alert(1)")
          .doesNotContain("<img src=x");
    }
  }

  @Test
  void anAdminCanBreakALockAndEditorsCannot() {
    String page = "/desk/entries/" + DeskFixture.id(1);
    ed.get(page);
    assertThat(ed.postFrom(page, page + "/unlock", Map.of()).statusCode()).isEqualTo(403);
    assertThat(ada.postFrom(page, page + "/unlock", Map.of()).statusCode()).isEqualTo(303);
    assertThat(ada.get(page).body()).doesNotContain("Being edited by");
  }
}
