package dev.pulse.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each {@code desk:} setting changes what the desk does ({@code cli.ServeCommand.settings} maps the
 * keys onto these fields: session_idle, lock_timeout, trust_proxy, vote_retention).
 */
class DeskSettingsBehaviourTest {

  @TempDir Path dir;

  /** A clock the test moves. */
  private static final class MovingClock extends Clock {
    private volatile Instant now = Instant.parse("2026-11-30T12:00:00Z");

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private boolean signedInAfter(Duration idle, Duration quiet) {
    MovingClock clock = new MovingClock();
    DeskSettings settings = DeskSettings.defaults().withClock(clock);
    if (idle != null) {
      settings = settings.withSessionIdle(idle);
    }
    try (DeskFixture desk = new DeskFixture(dir.resolve("s" + System.nanoTime()), 1, settings)) {
      Browser ed = new Browser(desk.base);
      ed.login("ed", DeskFixture.PASSWORD);
      assertThat(ed.get("/desk").statusCode()).isEqualTo(200);
      clock.advance(quiet);
      return ed.get("/desk").statusCode() == 200;
    }
  }

  @Test
  void sessionIdleSetsHowLongAQuietSessionLasts() {
    Duration quiet = Duration.ofMinutes(20);
    assertThat(signedInAfter(null, quiet)).as("default 30m").isTrue();
    assertThat(signedInAfter(Duration.ofMinutes(10), quiet)).as("session_idle: 10m").isFalse();
  }

  private boolean lockedForAdaAfterEd(DeskSettings settings) throws Exception {
    try (DeskFixture desk = new DeskFixture(dir.resolve("l" + System.nanoTime()), 2, settings)) {
      Browser ed = new Browser(desk.base);
      ed.login("ed", DeskFixture.PASSWORD);
      Browser ada = new Browser(desk.base);
      ada.login("ada", DeskFixture.PASSWORD);
      String page = "/desk/entries/" + DeskFixture.id(1);
      ed.get(page); // takes the soft lock
      Thread.sleep(300);
      return ada.get(page).body().contains("Being edited by");
    }
  }

  @Test
  void lockTimeoutSetsHowLongAnEditLockOutlivesItsLastUse() throws Exception {
    assertThat(lockedForAdaAfterEd(DeskSettings.defaults())).as("default 10m").isTrue();
    assertThat(
            lockedForAdaAfterEd(DeskSettings.defaults().withLockInactivity(Duration.ofMillis(100))))
        .as("lock_timeout: 100ms")
        .isFalse();
  }

  /**
   * Five failed logins through a proxy for one client, then a right password for a second client
   * behind the same proxy: whether it gets in depends on whose address the desk counts.
   */
  private int secondClientsLogin(boolean trustProxy) {
    DeskSettings settings = DeskSettings.defaults().withTrustProxy(trustProxy);
    try (DeskFixture desk = new DeskFixture(dir.resolve("p" + trustProxy), 1, settings)) {
      Browser first = new Browser(desk.base);
      first.headers.put("X-Forwarded-For", "203.0.113.7");
      for (int i = 0; i < 5; i++) {
        // a different account name each time: only the address's count reaches the limit
        assertThat(first.login("nobody" + i, "wrong").statusCode()).isEqualTo(401);
      }
      Browser second = new Browser(desk.base);
      second.headers.put("X-Forwarded-For", "203.0.113.8");
      return second.login("ed", DeskFixture.PASSWORD).statusCode();
    }
  }

  @Test
  void trustProxyCountsLoginFailuresPerForwardedAddress() {
    assertThat(secondClientsLogin(false)).as("default: the proxy's own address").isEqualTo(429);
    assertThat(secondClientsLogin(true)).as("trust_proxy: true").isEqualTo(303);
  }

  private String firstVoteAfterTwoHours(DeskSettings base) {
    MovingClock clock = new MovingClock();
    try (DeskFixture desk =
        new DeskFixture(dir.resolve("v" + System.nanoTime()), 2, base.withClock(clock))) {
      vote(desk, 0);
      clock.advance(Duration.ofHours(2));
      vote(desk, 1); // the desk forgets old addresses at most hourly, when a vote comes
      return desk.desk.rawVotes().stream()
          .filter(r -> r.contains(DeskFixture.id(0)))
          .findFirst()
          .orElseThrow();
    }
  }

  private static void vote(DeskFixture desk, int i) {
    Browser reader = new Browser(desk.base);
    assertThat(reader.post("/feedback/" + DeskFixture.id(i), Map.of("vote", "yes")).statusCode())
        .isEqualTo(200);
  }

  @Test
  void voteRetentionSetsWhenAVotersAddressHashIsCleared() {
    assertThat(firstVoteAfterTwoHours(DeskSettings.defaults()))
        .as("default 30 days")
        .doesNotContain("|null|");
    assertThat(
            firstVoteAfterTwoHours(DeskSettings.defaults().withVoteRetention(Duration.ofHours(1))))
        .as("vote_retention: 1h")
        .contains("|null|");
  }
}
