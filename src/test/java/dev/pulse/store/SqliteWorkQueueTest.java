package dev.pulse.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class SqliteWorkQueueTest extends WorkQueueContract {

  @TempDir Path dir;

  @Override
  Store newStore() {
    return TestStores.sqlite(dir);
  }
}
