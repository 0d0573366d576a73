package dev.pulse.store;

class PostgresFetchStateTest extends FetchStateContract {

  @Override
  Store newStore() {
    return TestStores.postgres();
  }
}
