package dev.pulse.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeskFeedbackTest {

  @TempDir Path dir;
  DeskFixture desk;

  @BeforeEach
  void start() {
    desk = new DeskFixture(dir, 3);
  }

  @AfterEach
  void stop() {
    desk.close();
  }

  HttpResponse<String> vote(Browser b, int i, String choice) {
    return b.post("/feedback/" + DeskFixture.id(i), Map.of("vote", choice));
  }

  @Test
  void theServedEntryPageHasAPlainFormAndShareLinksWithoutThirdPartyScripts() {
    String page = new Browser(desk.base).get("/entries/" + DeskFixture.id(1) + ".html").body();
    assertThat(page)
        .contains("Was this worth reading?")
        .contains("<form class=\"vote\" method=\"post\" action=\"/feedback/" + DeskFixture.id(1))
        .contains("name=\"vote\" value=\"yes\"")
        .contains("href=\"mailto:?subject")
        .contains("<script src=\"../assets/share.js\"");
    assertThat(page.replaceAll("<script src=\"\\.\\./assets/share\\.js\"", ""))
        .doesNotContain("<script");
  }

  @Test
  void aSecondVoteFromTheSameBrowserDoesNotCount() {
    Browser reader = new Browser(desk.base);
    assertThat(vote(reader, 1, "yes").body()).contains("your vote is counted");
    assertThat(vote(reader, 1, "no").body()).contains("voted on this story already");
    assertThat(desk.desk.counts(DeskFixture.id(1))).containsExactly(1, 0);
    assertThat(vote(new Browser(desk.base), 1, "no").statusCode()).isEqualTo(200);
    assertThat(desk.desk.counts(DeskFixture.id(1))).containsExactly(1, 1);
  }

  @Test
  void votesArePerAddressLimited() {
    for (int n = 0; n < FeedbackRoutes.VOTES_PER_HOUR; n++) {
      assertThat(vote(new Browser(desk.base), n % 3, "yes").statusCode()).isEqualTo(200);
    }
    assertThat(vote(new Browser(desk.base), 0, "yes").statusCode()).isEqualTo(429);
  }

  @Test
  void onlyTheVoteAndASaltedAddressHashAreStored() {
    vote(new Browser(desk.base), 2, "yes");
    var rows = desk.desk.rawVotes();
    assertThat(rows)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r).doesNotContain("127.0.0.1");
              assertThat(r).matches(".*\\|[0-9a-f]{64}\\|.*");
            });
    assertThat(
            desk.desk.forgetAddresses(
                java.time.Duration.ZERO, java.time.Instant.now().plusSeconds(1)))
        .isEqualTo(1);
    assertThat(desk.desk.rawVotes())
        .singleElement()
        .satisfies(r -> assertThat(r).contains("|null|"));
  }

  @Test
  void aBadVoteOrAnUnknownEntryChangesNothing() {
    Browser reader = new Browser(desk.base);
    assertThat(vote(reader, 1, "maybe").statusCode()).isEqualTo(400);
    assertThat(reader.post("/feedback/" + "f".repeat(64), Map.of("vote", "yes")).statusCode())
        .isEqualTo(404);
    assertThat(desk.desk.counts(DeskFixture.id(1))).containsExactly(0, 0);
  }
}
