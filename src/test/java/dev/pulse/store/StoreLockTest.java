package dev.pulse.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreLockTest {

  @TempDir Path dir;

  @Test
  void aSecondTakerIsRefusedWithTheHolderNamed() {
    Path db = dir.resolve("pulse.db");
    try (StoreLock first = StoreLock.acquire(db, "run", Duration.ZERO)) {
      assertThatThrownBy(() -> StoreLock.acquire(db, "desk", Duration.ofMillis(300)))
          .isInstanceOf(StoreLock.Busy.class)
          .hasMessageContaining("pulse run, pid " + ProcessHandle.current().pid())
          .hasMessageContaining("--wait")
          .satisfies(e -> assertThat(((StoreLock.Busy) e).holder()).isEqualTo(first.holder()));
      assertThat(StoreLock.holder(db)).contains(first.holder());
    }
    assertThat(StoreLock.holder(db)).isEmpty();
  }

  @Test
  void isFreeAgainOnceReleased() {
    Path db = dir.resolve("pulse.db");
    StoreLock.acquire(db, "run", Duration.ZERO).close();
    try (StoreLock again = StoreLock.acquire(db, "run", Duration.ZERO)) {
      assertThat(again.takenOver()).isEmpty();
    }
  }

  @Test
  void aLockFileLeftByADeadProcessIsTakenOverAndNamed() throws Exception {
    Path db = dir.resolve("pulse.db");
    Files.writeString(
        StoreLock.fileOf(db), "host=news-1\npid=999999\nsince=2026-11-30T01:00:00Z\ncommand=run\n");
    try (StoreLock lock = StoreLock.acquire(db, "run", Duration.ZERO)) {
      assertThat(lock.takenOver()).hasValueSatisfying(h -> assertThat(h.pid()).isEqualTo(999999));
    }
  }

  @Test
  void aStorePathUnderARegularFileSaysWhatToChange() throws Exception {
    Path file = Files.writeString(dir.resolve("notes.txt"), "x");
    assertThatThrownBy(() -> StoreLock.acquire(file.resolve("pulse.db"), "run", Duration.ZERO))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining(file + " is a file, not a folder")
        .hasMessageContaining("'store'");
  }
}
