package dev.pulse.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * The store's data-access core, the only class that touches JDBC: it owns the connections, the
 * statements and the wrapping of {@link SQLException} into {@link StoreException}, and names the
 * unit of work ({@link #inTransaction}). A statement outside a transaction commits on its own;
 * inside one (on the same thread) it joins it. Thread-safe.
 *
 * <p>Public for the roles other packages keep in the store's database (the desk's tables, in {@code
 * dev.pulse.editorial}): they reach it through {@link Store#db()} and write plain SQL that both
 * dialects accept.
 */
public final class Db {

  /** Work done with the store's connection; may throw {@link SQLException}. */
  @FunctionalInterface
  public interface Work<T extends @Nullable Object> {
    T run() throws SQLException;
  }

  /** Maps the current row of a result. */
  @FunctionalInterface
  public interface RowMapper<T> {
    T map(Row row) throws SQLException;
  }

  private final DataSource source;
  private final Dialect dialect;
  private final ThreadLocal<Connection> current = new ThreadLocal<>();

  Db(DataSource source, Dialect dialect) {
    this.source = source;
    this.dialect = dialect;
  }

  Dialect dialect() {
    return dialect;
  }

  /**
   * Runs {@code work} in one transaction: everything it writes through this core commits together
   * or not at all. Nested calls on the same thread join the outer transaction.
   *
   * @param what what the work does, for the error message ("cannot " + what)
   */
  public <T extends @Nullable Object> T inTransaction(String what, Work<T> work) {
    if (current.get() != null) {
      return call(what, work);
    }
    try (Connection c = source.getConnection()) {
      c.setAutoCommit(false);
      current.set(c);
      try {
        T result = work.run();
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        rollback(c, e);
        throw e;
      } finally {
        current.remove();
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new StoreException("cannot " + what + ": " + e.getMessage(), e);
    }
  }

  /** Executes an INSERT, UPDATE or DELETE; returns the number of rows changed. */
  public int update(String what, String sql, @Nullable Object... args) {
    return inTransaction(
        what,
        () -> {
          try (PreparedStatement ps = current.get().prepareStatement(sql)) {
            bind(ps, args);
            return ps.executeUpdate();
          }
        });
  }

  /** All rows of a query, mapped. */
  public <T> List<T> list(String what, String sql, RowMapper<T> mapper, @Nullable Object... args) {
    return inTransaction(
        what,
        () -> {
          try (PreparedStatement ps = current.get().prepareStatement(sql)) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
              List<T> out = new ArrayList<>();
              Row row = new Row(rs, dialect);
              while (rs.next()) {
                out.add(mapper.map(row));
              }
              return out;
            }
          }
        });
  }

  /** The first row of a query, mapped, if any. */
  public <T> Optional<T> first(
      String what, String sql, RowMapper<T> mapper, @Nullable Object... args) {
    return list(what, sql, mapper, args).stream().findFirst();
  }

  private <T extends @Nullable Object> T call(String what, Work<T> work) {
    try {
      return work.run();
    } catch (SQLException e) {
      throw new StoreException("cannot " + what + ": " + e.getMessage(), e);
    }
  }

  private void bind(PreparedStatement ps, @Nullable Object... args) throws SQLException {
    for (int i = 0; i < args.length; i++) {
      Object a = args[i];
      if (a instanceof Instant instant) {
        ps.setObject(i + 1, dialect.instant(instant));
      } else if (a instanceof byte[] bytes) {
        ps.setBytes(i + 1, bytes);
      } else if (a == null) {
        ps.setNull(i + 1, java.sql.Types.NULL);
      } else {
        ps.setObject(i + 1, a);
      }
    }
  }

  private static void rollback(Connection c, Exception cause) {
    try {
      c.rollback();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }

  /** One row of a result, with the dialect's reading of instants. */
  public static final class Row {
    private final ResultSet rs;
    private final Dialect dialect;

    Row(ResultSet rs, Dialect dialect) {
      this.rs = rs;
      this.dialect = dialect;
    }

    /** The result's column names, in order. */
    public List<String> columns() throws SQLException {
      List<String> out = new ArrayList<>();
      for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
        out.add(rs.getMetaData().getColumnName(i).toLowerCase(java.util.Locale.ROOT));
      }
      return out;
    }

    /** A column's value as the driver gives it. */
    public @Nullable Object value(String column) throws SQLException {
      return rs.getObject(column);
    }

    /** A text column; null when the column is NULL. */
    public @Nullable String text(String column) throws SQLException {
      return rs.getString(column);
    }

    public long number(String column) throws SQLException {
      return rs.getLong(column);
    }

    /** A nullable integer column. */
    public @Nullable Long optionalNumber(String column) throws SQLException {
      long v = rs.getLong(column);
      return rs.wasNull() ? null : v;
    }

    public double decimal(String column) throws SQLException {
      return rs.getDouble(column);
    }

    public byte @Nullable [] bytes(String column) throws SQLException {
      return rs.getBytes(column);
    }

    /** A nullable instant column. */
    public @Nullable Instant instant(String column) throws SQLException {
      return dialect.instant(rs, column);
    }

    /**
     * A time kept as an instant and the offset it was given with (seconds, in {@code
     * <column>_offset}); null when the instant is.
     */
    public @Nullable OffsetDateTime offsetTime(String column) throws SQLException {
      Instant at = instant(column + "_at");
      if (at == null) {
        return null;
      }
      Long offset = optionalNumber(column + "_offset");
      return at.atOffset(
          java.time.ZoneOffset.ofTotalSeconds(offset == null ? 0 : offset.intValue()));
    }
  }

  /** The offset of a time, in seconds, for the {@code <column>_offset} column; null for null. */
  static @Nullable Integer offsetSeconds(@Nullable OffsetDateTime t) {
    return t == null ? null : t.getOffset().getTotalSeconds();
  }
}
