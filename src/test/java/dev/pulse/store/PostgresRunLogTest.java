package dev.pulse.store;

class PostgresRunLogTest extends RunLogContract {

  @Override
  Store newStore() {
    return TestStores.postgres();
  }
}
