package dev.pulse.cli;

import dev.pulse.store.TestStores;
import java.nio.file.Path;

/**
 * The end-to-end CLI tests (run, rerun, export, site) with the store on a real PostgreSQL; {@code
 * pulse serve} on PostgreSQL is {@link ServePostgresIT}.
 */
class PulseEndToEndPostgresTest extends PulseEndToEndTest {

  @Override
  String newStore(Path dir) {
    return TestStores.newPostgresDatabase();
  }
}
