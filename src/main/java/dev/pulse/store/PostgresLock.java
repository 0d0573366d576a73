package dev.pulse.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * {@link StoreLock} on PostgreSQL: a session-level advisory lock held on one dedicated connection
 * for as long as the lock is. The server ends the session, and so the lock, when the process dies
 * however it dies. Who holds it is written to the one row of {@code store_lock} (created by the V20
 * migration), so a refused process can name the holder; before the first migration there is no such
 * table and the holder is unknown.
 */
final class PostgresLock {

  /** The advisory lock key of the store: "pulse" in ASCII. One per database. */
  static final long KEY = 0x70756C7365L;

  private static final Duration POLL = Duration.ofMillis(200);
  private static final String UNDEFINED_TABLE = "42P01";

  private final Connection connection;
  private final StoreLock.Holder holder;
  private final StoreLock.@Nullable Holder takenOver;

  private PostgresLock(
      Connection connection, StoreLock.Holder holder, StoreLock.@Nullable Holder takenOver) {
    this.connection = connection;
    this.holder = holder;
    this.takenOver = takenOver;
  }

  static PostgresLock acquire(
      StoreLocation where, String command, Duration wait, Map<String, String> env) {
    Connection c = Stores.connect(where, env);
    try {
      Instant deadline = Instant.now().plus(wait);
      while (!tryLock(c)) {
        if (!Instant.now().isBefore(deadline)) {
          throw busy(c, where, wait);
        }
        try {
          Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw busy(c, where, wait);
        }
      }
      StoreLock.Holder now = StoreLock.Holder.current(command);
      // as the table keeps it (microseconds), so the holder read back equals this one
      StoreLock.Holder me =
          new StoreLock.Holder(
              now.host(),
              now.pid(),
              now.since().truncatedTo(java.time.temporal.ChronoUnit.MICROS),
              now.command());
      // the row of a holder whose session died is stale: it is the one taken over
      StoreLock.Holder previous = read(c).orElse(null);
      record(c, me);
      return new PostgresLock(c, me, previous);
    } catch (SQLException e) {
      closeQuietly(c);
      throw new StoreException("cannot take the store lock of " + where + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      closeQuietly(c);
      throw e;
    }
  }

  /** The holder now, if the lock is held (probed with a try-lock that is let go at once). */
  static Optional<StoreLock.Holder> holder(StoreLocation where, Map<String, String> env) {
    try (Connection c = Stores.connect(where, env)) {
      if (tryLock(c)) {
        unlock(c);
        return Optional.empty();
      }
      return read(c);
    } catch (SQLException e) {
      throw new StoreException("cannot read the store lock of " + where + ": " + e.getMessage(), e);
    }
  }

  StoreLock.Holder holder() {
    return holder;
  }

  /** Writes the holder again: after the first migration, which created the table. */
  void record() {
    try {
      record(connection, holder);
    } catch (SQLException e) {
      throw new StoreException("cannot record the store lock's holder: " + e.getMessage(), e);
    }
  }

  StoreLock.@Nullable Holder takenOver() {
    return takenOver;
  }

  void close() {
    try {
      try (PreparedStatement ps =
          connection.prepareStatement(
              "DELETE FROM store_lock WHERE id = 1 AND pid = ? AND host = ?")) {
        ps.setLong(1, holder.pid());
        ps.setString(2, holder.host());
        ps.executeUpdate();
      } catch (SQLException e) {
        // no table yet, or the row is gone: the advisory lock is what counts
      }
      unlock(connection);
    } catch (SQLException e) {
      throw new StoreException("cannot release the store lock: " + e.getMessage(), e);
    } finally {
      closeQuietly(connection);
    }
  }

  private static boolean tryLock(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
      ps.setLong(1, KEY);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getBoolean(1);
      }
    }
  }

  private static void unlock(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_unlock(?)")) {
      ps.setLong(1, KEY);
      ps.executeQuery().close();
    }
  }

  private static StoreLock.Busy busy(Connection c, StoreLocation where, Duration wait) {
    Optional<StoreLock.Holder> h;
    try {
      h = read(c);
    } catch (SQLException e) {
      h = Optional.empty();
    }
    closeQuietly(c);
    return new StoreLock.Busy("the store_lock table of " + where, h.orElse(null), wait);
  }

  private static Optional<StoreLock.Holder> read(Connection c) throws SQLException {
    try (PreparedStatement ps =
            c.prepareStatement("SELECT host, pid, since, command FROM store_lock WHERE id = 1");
        ResultSet rs = ps.executeQuery()) {
      if (!rs.next()) {
        return Optional.empty();
      }
      return Optional.of(
          new StoreLock.Holder(
              rs.getString("host"),
              rs.getLong("pid"),
              rs.getObject("since", OffsetDateTime.class).toInstant(),
              rs.getString("command")));
    } catch (SQLException e) {
      if (UNDEFINED_TABLE.equals(e.getSQLState())) {
        return Optional.empty(); // not migrated yet
      }
      throw e;
    }
  }

  private static void record(Connection c, StoreLock.Holder me) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO store_lock (id, host, pid, since, command) VALUES (1,?,?,?,?)"
                + " ON CONFLICT (id) DO UPDATE SET host=excluded.host, pid=excluded.pid,"
                + " since=excluded.since, command=excluded.command")) {
      ps.setString(1, me.host());
      ps.setLong(2, me.pid());
      ps.setObject(3, me.since().atOffset(ZoneOffset.UTC));
      ps.setString(4, me.command());
      ps.executeUpdate();
    } catch (SQLException e) {
      if (!UNDEFINED_TABLE.equals(e.getSQLState())) {
        throw e;
      }
      // the first run of a new database: the migrations that follow create the table
    }
  }

  private static void closeQuietly(Connection c) {
    try {
      c.close();
    } catch (SQLException e) {
      // nothing more to release: closing the session lets go of the advisory lock
    }
  }
}
