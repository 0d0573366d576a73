package dev.pulse.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Copying a store to PostgreSQL and back loses nothing, and copying again changes nothing. */
class StoreCopyTest {

  @TempDir Path dir;

  @Test
  void aSqliteStoreCopiesToPostgresqlAndBackWithEveryRow() throws Exception {
    Path file = dir.resolve("pulse.db");
    Files.copy(Path.of("src/test/resources/fixtures/store/store-before-v6.db"), file);
    try (Store sqlite = Stores.sqlite(file);
        Store postgres = TestStores.postgres();
        Store back = Stores.sqlite(dir.resolve("back.db"))) {
      Map<String, Long> counts = StoreCopy.counts(sqlite);
      assertThat(counts).containsEntry("entries", 6L).containsEntry("item_failures", 2L);

      StoreCopy.copy(sqlite, postgres);
      StoreCopy.copy(sqlite, postgres);
      StoreCopy.copy(postgres, back);

      assertThat(StoreCopy.counts(postgres)).isEqualTo(counts);
      assertThat(StoreCopy.counts(back)).isEqualTo(counts);
      assertThat(postgres.entryStore().entries()).isEqualTo(sqlite.entryStore().entries());
      assertThat(back.entryStore().entries()).isEqualTo(sqlite.entryStore().entries());
      assertThat(postgres.entryStore().fingerprints())
          .isEqualTo(sqlite.entryStore().fingerprints());
      assertThat(postgres.runLog().runs()).isEqualTo(sqlite.runLog().runs());
      assertThat(postgres.workQueue().retries(10)).isEqualTo(sqlite.workQueue().retries(10));
      assertThat(postgres.fetchState().get("https://news.example/e1"))
          .isEqualTo(sqlite.fetchState().get("https://news.example/e1"));
      var entries = sqlite.entryStore().entries();
      assertThat(postgres.vectorCache().vectors(entries, "all-minilm-l6-v2-q").get("e3"))
          .containsExactly(sqlite.vectorCache().vectors(entries, "all-minilm-l6-v2-q").get("e3"));
      // a new run after the copy takes the next number
      long last = sqlite.runLog().runs().get(0).id();
      assertThat(postgres.runLog().startRun("run", "x")).isGreaterThan(last);
    }
  }
}
