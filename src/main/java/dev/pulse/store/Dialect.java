package dev.pulse.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;

/**
 * What differs between the two databases: how an instant is kept, and where the migrations are. The
 * SQL itself is the same for both (upserts with {@code ON CONFLICT}, {@code RETURNING}).
 */
enum Dialect {
  /** Instants as INTEGER microseconds since the epoch (UTC): they sort as numbers. */
  SQLITE("classpath:db/migration/sqlite") {
    @Override
    Object instant(Instant t) {
      return ChronoUnit.MICROS.between(Instant.EPOCH, t);
    }

    @Override
    @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
      long micros = rs.getLong(column);
      return rs.wasNull() ? null : Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
    }
  },
  /** Instants as TIMESTAMPTZ (microseconds, UTC). */
  POSTGRESQL("classpath:db/migration/postgresql") {
    @Override
    Object instant(Instant t) {
      return t.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }

    @Override
    @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
      OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
      return t == null ? null : t.toInstant();
    }
  };

  private final String migrations;

  Dialect(String migrations) {
    this.migrations = migrations;
  }

  /** The Flyway location of this dialect's migrations. */
  String migrations() {
    return migrations;
  }

  /** The JDBC parameter value of an instant. */
  abstract Object instant(Instant t);

  /** An instant column of the current row, or null. */
  abstract @Nullable Instant instant(ResultSet rs, String column) throws SQLException;
}
