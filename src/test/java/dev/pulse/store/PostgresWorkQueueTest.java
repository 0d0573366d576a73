package dev.pulse.store;

class PostgresWorkQueueTest extends WorkQueueContract {

  @Override
  Store newStore() {
    return TestStores.postgres();
  }
}
