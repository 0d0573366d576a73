package dev.pulse.editorial;

import dev.pulse.store.Store;
import dev.pulse.store.TestStores;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class SqliteDeskStoreTest extends DeskStoreContract {

  @TempDir Path dir;

  @Override
  Store newStore() {
    return TestStores.sqlite(dir);
  }
}
