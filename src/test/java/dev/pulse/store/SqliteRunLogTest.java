package dev.pulse.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class SqliteRunLogTest extends RunLogContract {

  @TempDir Path dir;

  @Override
  Store newStore() {
    return TestStores.sqlite(dir);
  }
}
