package dev.pulse.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteEntryStoreTest extends EntryStoreContract {

  @TempDir Path dir;
  private SqliteEntryStore open;

  @Override
  EntryStore store() {
    open = SqliteEntryStore.open(dir.resolve("pulse.db"));
    return open;
  }

  @AfterEach
  void close() {
    if (open != null) {
      open.close();
    }
  }

  @Test
  void entriesSurviveReopeningTheFile() {
    Path file = dir.resolve("again.db");
    try (SqliteEntryStore s = SqliteEntryStore.open(file)) {
      s.upsert(entry("k", "Kept", "Kept.", null));
    }
    try (SqliteEntryStore s = SqliteEntryStore.open(file)) {
      assertThat(s.find("k")).isPresent();
    }
  }

  @Test
  void anUnopenableFileIsAClearError() throws Exception {
    Path notADir = Files.writeString(dir.resolve("file"), "x");
    assertThatThrownBy(() -> SqliteEntryStore.open(notADir.resolve("pulse.db")))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("cannot open store");
  }
}
