package dev.pulse.cli;

import dev.pulse.config.ConfigException;
import dev.pulse.config.PulseConfig;
import dev.pulse.store.Store;
import dev.pulse.store.StoreLocation;
import dev.pulse.store.Stores;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** {@code --db STORE}: the store (a SQLite file or a PostgreSQL URL), when not the config's. */
final class StoreOption {

  @Option(
      names = "--db",
      paramLabel = "STORE",
      description =
          "the store: a SQLite file or postgresql://host:5432/db (credentials from"
              + " PULSE_STORE_USER/PULSE_STORE_PASSWORD or PGUSER/PGPASSWORD); default: the"
              + " config's 'store', data/pulse.db")
  @Nullable String db;

  /**
   * The store setting: {@code --db}, else the config's.
   *
   * @throws ConfigException when it names a SQLite file under a regular file
   */
  String setting(PulseConfig cfg) {
    return db != null ? checked(db, "--db") : checked(cfg.store(), "'store' in the config");
  }

  /**
   * The setting, once it is known not to put a SQLite file under a regular file ("data/pulse.db"
   * when "data" is a file): every command, reading or writing, says so the same way, by name,
   * before anything tries to open it.
   *
   * @param where what to change, for the message ("--db")
   */
  static String checked(String setting, String where) {
    StoreLocation location = StoreLocation.parse(setting);
    if (!location.isSqlite()) {
      return setting;
    }
    for (Path p = location.file().toAbsolutePath().getParent(); p != null; p = p.getParent()) {
      if (Files.isRegularFile(p)) {
        throw new ConfigException(
            "store "
                + location.file()
                + " cannot be opened: "
                + p
                + " is a file, not a folder; set "
                + where
                + " to a file in a folder");
      }
    }
    return setting;
  }

  /** Opens the store for writing (created and migrated first), as the desk's commands do. */
  Store openForWriting(PulseConfig cfg) {
    return Stores.open(setting(cfg), Stores.Access.WRITE);
  }

  /**
   * Opens the store of a command that only reads it: never migrated, and a SQLite file must exist
   * already.
   */
  Store openReadOnly(PulseConfig cfg) {
    StoreLocation where = StoreLocation.parse(setting(cfg));
    if (where.isSqlite() && !Files.exists(where.file())) {
      throw new ConfigException(
          "store not found: " + where.file() + " (run 'pulse run' or 'pulse demo' first)");
    }
    return Stores.open(setting(cfg), Stores.Access.READ_ONLY);
  }
}
