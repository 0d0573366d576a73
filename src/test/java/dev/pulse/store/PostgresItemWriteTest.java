package dev.pulse.store;

class PostgresItemWriteTest extends ItemWriteContract {

  @Override
  Store newStore() {
    return TestStores.postgres();
  }
}
