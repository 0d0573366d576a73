package dev.pulse.store;

class PostgresEntryStoreTest extends EntryStoreContract {

  @Override
  Store newStore() {
    return TestStores.postgres();
  }
}
