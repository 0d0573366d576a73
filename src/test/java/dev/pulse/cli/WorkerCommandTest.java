package dev.pulse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.store.StoreLock;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pulse worker} on a SQLite store: one worker, and a clear refusal of a second. */
class WorkerCommandTest {

  @TempDir Path dir;

  @Test
  void aSecondWorkerOnASqliteStoreRefusesNamingTheFileAndTheHoldersPid() throws Exception {
    Path db = dir.resolve("pulse.db");
    Path config =
        Files.writeString(
            dir.resolve("sources.yml"),
            """
            taxonomy: %s
            sources:
              - name: Ledger
                url: http://127.0.0.1:9/feed.xml
            """
                .formatted(Path.of("data/categories.yml").toAbsolutePath()));
    StringWriter err = new StringWriter();
    try (StoreLock first = StoreLock.acquire(db, "worker", Duration.ZERO)) {
      int code =
          PulseCli.execute(
              new PrintWriter(new StringWriter(), true),
              new PrintWriter(err, true),
              "worker",
              "--config",
              config.toString(),
              "--db",
              db.toString(),
              "--analyzer",
              "embedded");
      assertThat(code).isEqualTo(ExitCodes.BUSY);
    }
    assertThat(err.toString())
        .contains(db.toAbsolutePath().toString())
        .contains("pid " + ProcessHandle.current().pid())
        .contains("PostgreSQL");
  }
}
