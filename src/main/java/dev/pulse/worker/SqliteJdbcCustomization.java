package dev.pulse.worker;

import com.github.kagkarlsson.scheduler.jdbc.DefaultJdbcCustomization;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * db-scheduler on SQLite, which db-scheduler does not know: times as INTEGER epoch milliseconds
 * (they compare as numbers), {@code LIMIT n} for batches. One worker per SQLite store, so the
 * generic "fetch, then lock on execute" polling is all it needs.
 */
final class SqliteJdbcCustomization extends DefaultJdbcCustomization {

  SqliteJdbcCustomization() {
    super(false);
  }

  @Override
  public void setInstant(PreparedStatement ps, int index, @Nullable Instant value)
      throws SQLException {
    if (value == null) {
      ps.setNull(index, Types.BIGINT);
    } else {
      ps.setLong(index, value.toEpochMilli());
    }
  }

  @Override
  public @Nullable Instant getInstant(ResultSet rs, String column) throws SQLException {
    long ms = rs.getLong(column);
    return rs.wasNull() ? null : Instant.ofEpochMilli(ms);
  }

  @Override
  public boolean supportsExplicitQueryLimitPart() {
    return true;
  }

  @Override
  public String getQueryLimitPart(int limit) {
    return " LIMIT " + limit;
  }

  @Override
  public String getName() {
    return "SQLite";
  }
}
