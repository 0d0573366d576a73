package dev.pulse.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pulse.analyze.Usage;
import dev.pulse.store.ItemFailure;
import dev.pulse.store.RunRecord;
import dev.pulse.store.StoreLock;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeskRunsTest {

  @TempDir Path dir;
  DeskFixture desk;
  Browser ed;

  @BeforeEach
  void start() {
    desk = new DeskFixture(dir, 2);
    ed = new Browser(desk.base);
    ed.login("ed", DeskFixture.PASSWORD);
  }

  @AfterEach
  void stop() {
    desk.close();
  }

  void awaitLaunched(int n) throws InterruptedException {
    for (int i = 0;
        i < 200 && (desk.launched.size() < n || desk.runs.progress().isPresent());
        i++) {
      Thread.sleep(20);
    }
  }

  @Test
  void runNowIsRefusedWhileARunHoldsTheStoreLockAndNamesIt() {
    try (StoreLock run = StoreLock.acquire(desk.db, "run", Duration.ZERO)) {
      HttpResponse<String> res = ed.postFrom("/desk/runs", "/desk/runs/now", Map.of());
      assertThat(res.statusCode()).isEqualTo(409);
      assertThat(res.body())
          .contains("Refused: a run holds the store")
          .contains("pulse run (pid " + ProcessHandle.current().pid() + " on ")
          .contains(") since");
      assertThat(desk.launched).isEmpty();
      assertThat(ed.get("/desk/runs").body()).contains("A run holds the store");
    }
    assertThat(ed.postFrom("/desk/runs", "/desk/runs/now", Map.of()).statusCode()).isEqualTo(303);
  }

  @Test
  void aRunStartedFromTheDeskHoldsTheStoreAgainstPulseRunUntilItEnds() throws InterruptedException {
    desk.gate = new java.util.concurrent.CountDownLatch(1);
    assertThat(ed.postFrom("/desk/runs", "/desk/runs/now", Map.of()).statusCode()).isEqualTo(303);
    for (int i = 0; i < 200 && desk.launched.isEmpty(); i++) {
      Thread.sleep(20);
    }
    assertThatThrownBy(() -> StoreLock.acquire(desk.db, "run", Duration.ZERO))
        .isInstanceOf(StoreLock.Busy.class)
        .hasMessageContaining("pulse desk, pid " + ProcessHandle.current().pid());
    HttpResponse<String> second = ed.postFrom("/desk/runs", "/desk/runs/now", Map.of());
    assertThat(second.statusCode()).isEqualTo(409);
    assertThat(second.body()).contains("Run now started from the desk by ed");
    desk.gate.countDown();
    awaitLaunched(1);
    StoreLock.acquire(desk.db, "run", Duration.ZERO).close();
  }

  @Test
  void aRunRecordedAsRunningWithoutTheLockIsADeadOneAndDoesNotBlock() throws InterruptedException {
    desk.entries.runLog().startRun("run", "embedded"); // its process died: no lock held
    assertThat(ed.postFrom("/desk/runs", "/desk/runs/now", Map.of()).statusCode()).isEqualTo(303);
    awaitLaunched(1);
    assertThat(desk.launched).containsExactly("batch");
  }

  @Test
  void runNowStartsTheBatchWhenTheStoreIsFree() throws InterruptedException {
    long run = desk.entries.runLog().startRun("run", "embedded");
    desk.entries
        .runLog()
        .finishRun(
            new RunRecord(
                run,
                "run",
                Instant.now(),
                Instant.now(),
                "embedded",
                Map.of("stored", 2),
                Usage.NONE,
                "ok"));
    assertThat(ed.postFrom("/desk/runs", "/desk/runs/now", Map.of()).statusCode()).isEqualTo(303);
    awaitLaunched(1);
    assertThat(desk.launched).containsExactly("batch");
    assertThat(ed.get("/desk/runs").body()).contains("#" + run).contains("stored 2");
  }

  @Test
  void retryRerunsEachFailedItemOfARunAndTheRunPageListsThem() throws InterruptedException {
    long run = desk.entries.runLog().startRun("run", "embedded");
    desk.entries
        .runLog()
        .recordFailure(
            run, new ItemFailure("https://a.example/1", "fetch", "timeout", "timed out", null));
    desk.entries
        .runLog()
        .recordFailure(
            run, new ItemFailure("https://a.example/2", "analyze", "llm", "bad reply", null));
    desk.entries
        .runLog()
        .finishRun(
            new RunRecord(
                run,
                "run",
                Instant.now(),
                Instant.now(),
                "embedded",
                Map.of("failed", 2),
                Usage.NONE,
                "partial"));
    String page = ed.get("/desk/runs/" + run).body();
    assertThat(page).contains("https://a.example/1").contains("fetch · timeout");
    assertThat(ed.postFrom("/desk/runs", "/desk/runs/" + run + "/retry", Map.of()).statusCode())
        .isEqualTo(303);
    awaitLaunched(2);
    assertThat(desk.launched).containsExactly("https://a.example/1", "https://a.example/2");
  }

  @Test
  void rerunOfOneUrlTakesOnlyHttpUrls() throws InterruptedException {
    assertThat(
            ed.postFrom("/desk/runs", "/desk/runs/rerun", Map.of("url", "file:///etc/passwd"))
                .statusCode())
        .isEqualTo(400);
    assertThat(
            ed.postFrom("/desk/runs", "/desk/runs/rerun", Map.of("url", DeskFixture.url(1)))
                .statusCode())
        .isEqualTo(303);
    awaitLaunched(1);
    assertThat(desk.launched).containsExactly(DeskFixture.url(1));
  }
}
