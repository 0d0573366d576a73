package dev.pulse.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.analyze.Usage;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link RunLog} must have. */
abstract class RunLogContract extends StoreContract {

  @Test
  void aRunKeepsItsFiguresAndFailures() {
    RunLog s = store().runLog();
    long id = s.startRun("run", "embedded (m)");
    s.recordFailure(
        id, new ItemFailure("https://x.example/a", "fetch", "http-404", "not found", null));
    s.recordFailure(
        id, new ItemFailure("https://x.example/b", "analyze", "invalid-reply", "bad", "{raw}"));
    Instant finished = Instant.parse("2026-11-25T10:00:01.123456Z");
    s.finishRun(
        new RunRecord(
            id,
            "run",
            Instant.now(),
            finished,
            "embedded (m)",
            Map.of("stored", 3, "failed", 1),
            new Usage(2, 10, 5, 0.5),
            "partial"));
    RunRecord r = s.runs().get(0);
    assertThat(r.id()).isEqualTo(id);
    assertThat(r.finishedAt()).isEqualTo(finished);
    assertThat(r.counts()).containsEntry("stored", 3).containsEntry("failed", 1);
    assertThat(r.usage()).isEqualTo(new Usage(2, 10, 5, 0.5));
    assertThat(r.status()).isEqualTo("partial");
    assertThat(s.failures(id))
        .extracting(ItemFailure::reason)
        .containsExactly("http-404", "invalid-reply");
    assertThat(s.failures(id).get(1).detail()).isEqualTo("{raw}");
  }

  @Test
  void usageSpentAfterARunFinishedIsAddedToItsFigures() {
    RunLog s = store().runLog();
    long id = s.startRun("run", "llm (m)");
    s.finishRun(
        new RunRecord(
            id,
            "run",
            Instant.now(),
            Instant.now(),
            "llm (m)",
            Map.of("stored", 3),
            new Usage(3, 300, 60, 0.25),
            "ok"));

    s.addUsage(id, new Usage(2, 40, 10, 0.125));

    assertThat(s.runs().get(0).usage()).isEqualTo(new Usage(5, 340, 70, 0.375));
  }

  @Test
  void runsComeNewestFirstAndAnUnfinishedRunHasNoEnd() {
    RunLog s = store().runLog();
    long first = s.startRun("run", "a");
    long second = s.startRun("rerun", "a");
    assertThat(s.runs()).extracting(RunRecord::id).containsExactly(second, first);
    assertThat(s.runs().get(0).finishedAt()).isNull();
    assertThat(s.runs().get(0).status()).isEqualTo("running");
  }

  @Test
  void runsLeftRunningAreMarkedAbandonedOnceWithWhoRanThem() {
    RunLog s = store().runLog();
    long dead = s.startRun("run", "embedded (m)");

    assertThat(s.abandonRuns(Instant.now())).extracting(RunRecord::id).containsExactly(dead);
    assertThat(s.abandonRuns(Instant.now())).isEmpty();
    RunRecord r = s.runs().get(0);
    assertThat(r.status()).isEqualTo("abandoned");
    assertThat(r.pid()).isEqualTo(ProcessHandle.current().pid());
    assertThat(r.host()).isNotBlank();
    assertThat(r.finishedAt()).isNotNull();
    assertThat(r.stopReason()).contains("never ended");
  }

  /** A worker's row as {@code pulse worker} writes it (dev.pulse.worker.WorkerRegistry). */
  private static void worker(Store store, String name, long runId, Instant heartbeat) {
    store
        .db()
        .update(
            "register " + name,
            "INSERT INTO workers (name, host, pid, started_ms, heartbeat_ms, run_id)"
                + " VALUES (?,?,?,?,?,?)",
            name,
            "node-1",
            42L,
            heartbeat.toEpochMilli(),
            heartbeat.toEpochMilli(),
            runId);
  }

  @Test
  void aWorkersRunIsAbandonedOnceItsWorkerStoppedHeartbeatingAndNotWhileItBeats() {
    Store store = store();
    RunLog s = store.runLog();
    Instant now = Instant.now();
    long live = s.startRun("worker", "a");
    long killed = s.startRun("worker", "a");
    long batch = s.startRun("run", "a");
    worker(store, "live", live, now.plusSeconds(5));
    worker(store, "killed", killed, now.minusSeconds(90));
    Instant deadBefore = now.plusSeconds(1); // every run here started before it

    // anyone (a worker, pulse status): only the dead worker's run, never a batch run
    assertThat(s.abandonDeadWorkersRuns(deadBefore))
        .extracting(RunRecord::id)
        .containsExactly(killed);
    assertThat(s.abandonDeadWorkersRuns(deadBefore)).isEmpty();
    RunRecord r = s.runs().stream().filter(x -> x.id() == killed).findFirst().orElseThrow();
    assertThat(r.status()).isEqualTo("abandoned");
    assertThat(r.stopReason()).contains("stopped heartbeating");

    // the lock holder (pulse run): the batch run that never ended, not the live worker's
    assertThat(s.abandonRuns(deadBefore)).extracting(RunRecord::id).containsExactly(batch);
    assertThat(s.runs())
        .filteredOn(x -> x.id() == live)
        .extracting(RunRecord::status)
        .containsExactly("running");
  }

  @Test
  void aWorkersRunStartedWithinTheTimeoutIsNotTakenForADeadOneBeforeItsWorkerRegisters() {
    RunLog s = store().runLog();
    long starting = s.startRun("worker", "a");

    assertThat(s.abandonDeadWorkersRuns(Instant.now().minusSeconds(60))).isEmpty();
    assertThat(s.abandonRuns(Instant.now().minusSeconds(60))).isEmpty();
    assertThat(s.abandonDeadWorkersRuns(Instant.now().plusSeconds(1)))
        .extracting(RunRecord::id)
        .containsExactly(starting);
  }

  @Test
  void aRunKeepsWhyItStoppedEarly() {
    RunLog s = store().runLog();
    long id = s.startRun("run", "a");
    s.finishRun(
        new RunRecord(
            id,
            "run",
            Instant.now(),
            Instant.now(),
            "a",
            Map.of(),
            null,
            "interrupted",
            "SIGTERM",
            null,
            0));
    RunRecord r = s.runs().get(0);
    assertThat(r.status()).isEqualTo("interrupted");
    assertThat(r.stopReason()).isEqualTo("SIGTERM");
  }
}
