package dev.pulse.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Read-only opening: no migration, no write, and a store that needs migrating is refused. */
class StoreReadOnlyTest {

  @TempDir Path dir;

  @Test
  void aReadOnlySqliteStoreReadsWithoutChangingTheFile() throws Exception {
    Path file = dir.resolve("pulse.db");
    try (Store s = Stores.sqlite(file)) {
      s.entryStore().upsert(StoreContract.entry("r1", "R", "R.", null));
    }
    byte[] before = Files.readAllBytes(file);
    try (Store s = Stores.open(StoreLocation.sqlite(file), Stores.Access.READ_ONLY, Map.of())) {
      assertThat(s.entryStore().entries()).extracting(Entry::id).containsExactly("r1");
      s.vectorCache().saveVector(s.entryStore().find("r1").orElseThrow(), "m", new float[] {1f});
      assertThatThrownBy(() -> s.entryStore().upsert(StoreContract.entry("r2", "R", "R.", null)))
          .isInstanceOf(StoreException.class);
    }
    assertThat(Files.readAllBytes(file)).isEqualTo(before);
  }

  @Test
  void aStoreThatNeedsMigratingIsRefusedReadOnlyAndNamesTheCommand() throws Exception {
    Path file = dir.resolve("old.db");
    Files.copy(
        Path.of("src/test/resources/fixtures/store/store-before-v6.db"),
        file,
        StandardCopyOption.REPLACE_EXISTING);
    byte[] before = Files.readAllBytes(file);
    assertThatThrownBy(
            () -> Stores.open(StoreLocation.sqlite(file), Stores.Access.READ_ONLY, Map.of()))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("pulse store migrate");
    assertThat(Files.readAllBytes(file)).isEqualTo(before);
  }
}
