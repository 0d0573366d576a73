package dev.pulse.cli;

import dev.pulse.config.ConfigException;
import dev.pulse.config.PulseConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --db FILE}: the SQLite store, when not the config's. */
final class StoreOption {

  @Option(
      names = "--db",
      paramLabel = "FILE",
      description = "SQLite store (default: the config's 'store', data/pulse.db)")
  Path db;

  /** The store file: {@code --db}, else the config's. */
  Path file(PulseConfig cfg) {
    return db != null ? db : cfg.store();
  }

  /** The store file of a command that only reads it: it must exist already. */
  Path existing(PulseConfig cfg) {
    Path file = file(cfg);
    if (!Files.exists(file)) {
      throw new ConfigException(
          "store not found: " + file + " (run 'pulse run' or 'pulse demo' first)");
    }
    return file;
  }
}
