package dev.pulse.editorial;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

class SqliteDeskStoreTest extends DeskStoreContract {

  @TempDir Path dir;
  private SqliteDeskStore open;

  SqliteDeskStore store() {
    open = SqliteDeskStore.open(dir.resolve("pulse.db"));
    return open;
  }

  @Override
  AccountStore accounts() {
    return store();
  }

  @Override
  EditorialStore editorial() {
    return store();
  }

  @AfterEach
  void close() {
    if (open != null) {
      open.close();
    }
  }
}
