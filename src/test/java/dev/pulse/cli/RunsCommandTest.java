package dev.pulse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.analyze.Usage;
import dev.pulse.store.ItemFailure;
import dev.pulse.store.RunRecord;
import dev.pulse.store.Store;
import dev.pulse.store.Stores;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunsCommandTest {

  @TempDir Path dir;
  private Path db;

  @BeforeEach
  void history() {
    db = dir.resolve("pulse.db");
    try (Store s = Stores.sqlite(db)) {
      s.runLog().startRun("run", "embedded (m)"); // a run whose process died
      s.runLog().abandonRuns(java.time.Instant.now());
      long id = s.runLog().startRun("run", "embedded (m)");
      s.runLog()
          .recordFailure(
              id, new ItemFailure("https://a.example/1", "fetch", "http-404", "not found", null));
      s.runLog()
          .recordFailure(
              id, new ItemFailure("https://a.example/2", "fetch", "http-404", "not found", null));
      s.runLog()
          .recordFailure(
              id, new ItemFailure("https://b.example/3", "fetch", "timeout", "no answer", null));
      s.runLog()
          .finishRun(
              new RunRecord(
                  id,
                  "run",
                  Instant.now(),
                  Instant.now(),
                  "embedded (m)",
                  Map.of("stored", 7, "failed", 3, "queued", 2),
                  Usage.NONE,
                  "interrupted",
                  "SIGTERM",
                  null,
                  0));
    }
  }

  private String pulse(String... args) {
    StringWriter out = new StringWriter();
    int code =
        PulseCli.execute(
            new PrintWriter(out, true), new PrintWriter(new StringWriter(), true), args);
    assertThat(code).isEqualTo(ExitCodes.OK);
    return out.toString();
  }

  @Test
  void listsRunsNewestFirstWithStatusFiguresAndWhyTheyStopped() {
    String out = pulse("runs", "--db", db.toString());

    String[] lines = out.split("\n");
    assertThat(lines[0])
        .contains("2 run interrupted")
        .contains("stored=7 failed=3 queued=2")
        .contains("— SIGTERM");
    assertThat(lines[1]).contains("1 run abandoned").contains("never ended");
  }

  @Test
  void groupsTheLastRunsFailuresByReasonMostFirst() {
    String out = pulse("runs", "--failures", "--db", db.toString());

    assertThat(out).contains("run 2 (interrupted): 3 failures");
    assertThat(out.indexOf("2 × fetch http-404")).isLessThan(out.indexOf("1 × fetch timeout"));
  }
}
