package dev.pulse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.store.TestStores;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The end-to-end CLI tests (run, rerun, export, site) with the store on a real PostgreSQL. */
class PulseEndToEndPostgresTest extends PulseEndToEndTest {

  @Override
  String newStore(Path dir) {
    return TestStores.newPostgresDatabase();
  }

  @Test
  void serveOnAPostgresqlStoreSaysTheDeskNeedsSqliteForNow() {
    StringWriter err = new StringWriter();
    int code =
        PulseCli.execute(
            new PrintWriter(new StringWriter(), true),
            new PrintWriter(err, true),
            "serve",
            "--db",
            TestStores.newPostgresDatabase(),
            "--port",
            "0");

    assertThat(code).isEqualTo(ExitCodes.CONFIG);
    assertThat(err.toString())
        .contains("runs on a SQLite store for now")
        .doesNotContain("Exception")
        .doesNotContain("\tat ");
  }
}
