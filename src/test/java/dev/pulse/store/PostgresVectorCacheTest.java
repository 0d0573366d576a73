package dev.pulse.store;

class PostgresVectorCacheTest extends VectorCacheContract {

  @Override
  Store newStore() {
    return TestStores.postgres();
  }
}
