package dev.pulse.editorial;

import dev.pulse.store.Store;
import dev.pulse.store.TestStores;

class PostgresDeskStoreTest extends DeskStoreContract {

  @Override
  Store newStore() {
    return TestStores.postgres();
  }
}
