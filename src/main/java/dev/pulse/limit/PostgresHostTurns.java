package dev.pulse.limit;

import dev.pulse.fetch.FetchException;
import dev.pulse.fetch.HostGate;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Each host's turn across all the workers of one PostgreSQL database, as a lease in the table
 * {@code host_turns}: a worker takes the host's row when it is free ({@code free_at} has passed, by
 * the database's clock), holds it while its request runs, and hands it back free from the end of
 * the request plus the host's delay. So the delay runs from the end of one request to the start of
 * the next, whichever workers send them, as it does within one process; a worker that is slow to
 * send after taking its turn cannot bring two requests closer (a token bucket could: it spaces the
 * takes, not the requests). A worker that dies holding a turn blocks the host until the lease runs
 * out.
 *
 * <p>Why not Bucket4j, which keeps the LLM's limits: a bucket has no notion of a request in flight,
 * so it can only space the moments turns are granted.
 */
public final class PostgresHostTurns implements HostGate {

  private static final Logger log = LoggerFactory.getLogger(PostgresHostTurns.class);

  /** Longest wait between two looks at a busy host: a freed turn is seen this soon. */
  private static final long MAX_NAP_MILLIS = 200;

  private final DataSource db;
  private final Duration lease;

  /**
   * @param lease the longest a worker may hold a host's turn: longer than any one request (the
   *     fetch deadline); a dead worker's turn is free again after it
   */
  public PostgresHostTurns(DataSource db, Duration lease) {
    this.db = db;
    this.lease = lease;
  }

  @Override
  public Turn await(String host, Duration spacing) throws InterruptedException {
    String key = host.toLowerCase(Locale.ROOT);
    String holder = UUID.randomUUID().toString();
    while (true) {
      long wait = take(key, holder);
      if (wait < 0) {
        return () -> release(key, holder, spacing);
      }
      Thread.sleep(Math.max(1, Math.min(wait, MAX_NAP_MILLIS)));
    }
  }

  /** Takes the turn (returns -1) or says how many ms until it may be free. */
  private long take(String host, String holder) {
    try (Connection c = db.getConnection()) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "UPDATE host_turns SET free_at = clock_timestamp() + ? * INTERVAL '1 millisecond',"
                  + " holder = ? WHERE host = ? AND free_at <= clock_timestamp()")) {
        ps.setLong(1, lease.toMillis());
        ps.setString(2, holder);
        ps.setString(3, host);
        if (ps.executeUpdate() == 1) {
          return -1;
        }
      }
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT CEIL(EXTRACT(EPOCH FROM (free_at - clock_timestamp())) * 1000) AS ms"
                  + " FROM host_turns WHERE host = ?")) {
        ps.setString(1, host);
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) {
            return Math.max(0, rs.getLong("ms"));
          }
        }
      }
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO host_turns (host, free_at) VALUES (?, to_timestamp(0))"
                  + " ON CONFLICT (host) DO NOTHING")) {
        ps.setString(1, host);
        ps.executeUpdate();
      }
      return 0;
    } catch (SQLException e) {
      // a passing fault, as a connection error would be: the item is tried again later
      throw new FetchException(
          "http://" + host + "/",
          FetchException.Kind.HOST_DOWN,
          "io",
          "cannot take the host's turn: " + e.getMessage(),
          e);
    }
  }

  /** Frees the turn from now plus the host's delay, unless the lease ran out and was taken. */
  private void release(String host, String holder, Duration spacing) {
    try (Connection c = db.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "UPDATE host_turns SET free_at = clock_timestamp() + ? * INTERVAL '1 millisecond',"
                    + " holder = NULL WHERE host = ? AND holder = ?")) {
      ps.setLong(1, spacing.toMillis());
      ps.setString(2, host);
      ps.setString(3, holder);
      ps.executeUpdate();
    } catch (SQLException e) {
      // the lease runs out by itself; the host waits longer, no request comes too soon
      log.warn("cannot hand back the turn of {}: {}", host, e.getMessage());
    }
  }
}
