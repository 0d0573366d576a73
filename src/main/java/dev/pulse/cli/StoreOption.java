package dev.pulse.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --db FILE}: the SQLite store, when not the config's. */
final class StoreOption {

  @Option(
      names = "--db",
      paramLabel = "FILE",
      description = "SQLite store (default: the config's 'store', data/pulse.db)")
  Path db;
}
