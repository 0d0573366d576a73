package dev.pulse.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.jspecify.annotations.Nullable;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The one factory of stores: SQLite or PostgreSQL from the one setting ({@link StoreLocation}),
 * opened for writing (schema created and migrated first) or read-only (never migrated: a store that
 * needs migrating is refused with the command that migrates it). PostgreSQL credentials come from
 * {@code PULSE_STORE_USER}/{@code PULSE_STORE_PASSWORD}, else {@code PGUSER}/{@code PGPASSWORD};
 * they are never printed.
 */
public final class Stores {

  /** How a store is opened. */
  public enum Access {
    /** Migrated to the current schema, then read and written. */
    WRITE,
    /** Read only; never migrated. */
    READ_ONLY
  }

  /** SQLite allows one writer at a time; PostgreSQL serves several threads at once. */
  private static final int POSTGRESQL_POOL = 8;

  private Stores() {}

  /** Opens the store the setting names, with the process environment's credentials. */
  public static Store open(String setting, Access access) {
    return open(StoreLocation.parse(setting), access, System.getenv());
  }

  /** Opens (creating and migrating) a SQLite store for writing. */
  public static Store sqlite(Path file) {
    return open(StoreLocation.sqlite(file), Access.WRITE, Map.of());
  }

  public static Store open(StoreLocation where, Access access, Map<String, String> env) {
    boolean readOnly = access == Access.READ_ONLY;
    HikariDataSource pool = null;
    try {
      DataSource migrations;
      if (where.isSqlite()) {
        if (!readOnly) {
          Path parent = where.file().toAbsolutePath().getParent();
          if (parent != null) {
            Files.createDirectories(parent);
          }
        }
        migrations = sqliteSource(where, readOnly);
        pool = pool(where, migrations, readOnly, env);
      } else {
        pool = pool(where, null, readOnly, env);
        migrations = pool;
      }
      Flyway flyway = flyway(where.dialect(), migrations);
      if (readOnly) {
        requireCurrent(where, flyway);
      } else {
        flyway.migrate();
      }
      return new JdbcStore(new Db(pool, where.dialect()), pool, where, readOnly);
    } catch (StoreException e) {
      close(pool);
      throw e;
    } catch (java.nio.file.FileSystemException e) {
      close(pool);
      throw new StoreException(
          "cannot open store " + where + ": " + e.getClass().getSimpleName() + " " + e.getFile(),
          e);
    } catch (java.io.IOException | FlywayException | IllegalStateException e) {
      close(pool);
      throw new StoreException("cannot open store " + where + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      close(pool);
      // HikariCP's PoolInitializationException and the drivers' errors
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      throw new StoreException("cannot open store " + where + ": " + cause.getMessage(), e);
    }
  }

  /**
   * A pool of connections to the store's database for what runs beside the store on it (the
   * worker's scheduler, its shared limits and heartbeats), with the same credentials; never
   * migrates. Close it when done.
   *
   * @param size the most connections (1 on SQLite, whatever is asked)
   */
  public static HikariDataSource dataSource(
      StoreLocation where, int size, Map<String, String> env) {
    try {
      return pool(
          where,
          where.isSqlite() ? sqliteSource(where, false) : null,
          false,
          env,
          "pulse-worker",
          size);
    } catch (RuntimeException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      throw new StoreException("cannot connect to " + where + ": " + cause.getMessage(), e);
    }
  }

  /**
   * The store's runs over a pool from {@link #dataSource} (for {@code pulse status}, which opens no
   * store: it neither migrates nor waits for a lock).
   */
  public static RunLog runLog(StoreLocation where, DataSource db) {
    return new JdbcRunLog(new Db(db, where.dialect()));
  }

  /** The migrations this store still needs (empty when current), without running them. */
  static Flyway flyway(Dialect dialect, DataSource source) {
    var config =
        Flyway.configure()
            .dataSource(source)
            .locations(dialect.migrations())
            .loggers("slf4j")
            .validateOnMigrate(true);
    if (dialect == Dialect.SQLITE) {
      // a store of the release before V6 may have later migrations (V20...) applied already
      config = config.javaMigrations(new V6__utc_instants()).outOfOrder(true);
    }
    return config.load();
  }

  private static void requireCurrent(StoreLocation where, Flyway flyway) {
    MigrationInfo[] pending = flyway.info().pending();
    if (pending.length > 0) {
      MigrationInfo current = flyway.info().current();
      throw new StoreException(
          "store "
              + where
              + " is at schema version "
              + (current == null ? "none" : current.getVersion())
              + " and needs migrating to "
              + pending[pending.length - 1].getVersion()
              + ": run 'pulse store migrate --db "
              + where
              + "' (or any command that writes) first",
          null);
    }
  }

  private static SQLiteDataSource sqliteSource(StoreLocation where, boolean readOnly) {
    SQLiteConfig config = new SQLiteConfig();
    config.setBusyTimeout(10_000);
    config.enforceForeignKeys(true);
    String url = where.jdbcUrl();
    if (readOnly) {
      config.setReadOnly(true);
      if (!Files.isWritable(where.file().toAbsolutePath().getParent())) {
        // a read-only medium: no -wal/-shm files can be made, and nobody can write the file
        url = "jdbc:sqlite:file:" + where.file().toAbsolutePath() + "?immutable=1";
        config.setOpenMode(org.sqlite.SQLiteOpenMode.OPEN_URI);
      }
    } else {
      config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    }
    SQLiteDataSource source = new SQLiteDataSource(config);
    source.setUrl(url);
    return source;
  }

  private static HikariDataSource pool(
      StoreLocation where, @Nullable DataSource sqlite, boolean readOnly, Map<String, String> env) {
    return pool(where, sqlite, readOnly, env, "pulse-store", POSTGRESQL_POOL);
  }

  private static HikariDataSource pool(
      StoreLocation where,
      @Nullable DataSource sqlite,
      boolean readOnly,
      Map<String, String> env,
      String name,
      int size) {
    HikariConfig config = new HikariConfig();
    config.setPoolName(name);
    config.setInitializationFailTimeout(1);
    // the same flag the SQLite connections are opened with (the driver refuses to change it)
    config.setReadOnly(readOnly);
    if (sqlite != null) {
      config.setDataSource(sqlite);
      config.setMaximumPoolSize(1);
    } else {
      config.setJdbcUrl(where.jdbcUrl());
      config.setUsername(firstSet(env, "PULSE_STORE_USER", "PGUSER"));
      config.setPassword(firstSet(env, "PULSE_STORE_PASSWORD", "PGPASSWORD"));
      config.setMaximumPoolSize(size);
      config.setMinimumIdle(1);
    }
    return new HikariDataSource(config);
  }

  /**
   * One connection of its own to a PostgreSQL store, outside the pool, with the environment's
   * credentials: the store lock's session.
   */
  static java.sql.Connection connect(StoreLocation where, Map<String, String> env) {
    java.util.Properties props = new java.util.Properties();
    String user = firstSet(env, "PULSE_STORE_USER", "PGUSER");
    String password = firstSet(env, "PULSE_STORE_PASSWORD", "PGPASSWORD");
    if (user != null) {
      props.setProperty("user", user);
    }
    if (password != null) {
      props.setProperty("password", password);
    }
    try {
      return new org.postgresql.Driver().connect(where.jdbcUrl(), props);
    } catch (java.sql.SQLException e) {
      throw new StoreException("cannot connect to store " + where + ": " + e.getMessage(), e);
    }
  }

  private static @Nullable String firstSet(Map<String, String> env, String... names) {
    for (String n : names) {
      String v = env.get(n);
      if (v != null && !v.isEmpty()) {
        return v;
      }
    }
    return null;
  }

  private static void close(@Nullable HikariDataSource pool) {
    if (pool != null) {
      pool.close();
    }
  }
}
