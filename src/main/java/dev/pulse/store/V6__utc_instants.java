package dev.pulse.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.jspecify.annotations.Nullable;

/**
 * SQLite V6: times become UTC instants (INTEGER microseconds since the epoch) so they sort right
 * whatever offset they were given with; a published time keeps its original offset (seconds) in
 * {@code published_offset} for display. SQLite cannot change a column's type, so each table is
 * rebuilt: renamed, created anew from {@code V6__schema.sql}'s twin below, copied row by row with
 * the times converted in Java (exactly as they were parsed when written), then dropped. All in the
 * migration's one transaction: a failure leaves the V5 store as it was.
 *
 * <p>A store written by the release before this one has later migrations applied already (V20's run
 * columns, V40's flags, the desk's tables): Flyway applies V6 to it out of order, and the columns
 * those migrations added to the rebuilt tables are carried over with their values.
 */
final class V6__utc_instants extends BaseJavaMigration {

  /** Each table with the old time columns and their kind. */
  private static final List<Table> TABLES =
      List.of(
          new Table(
              "entries",
              List.of("fetched_at", "analyzed_at", "first_seen_at", "updated_at"),
              "published"),
          new Table("runs", List.of("started_at", "finished_at"), null),
          new Table("item_failures", List.of("recorded_at"), null),
          new Table("fetch_state", List.of("checked_at"), null),
          new Table("entry_vectors", List.of(), null),
          new Table("alternates", List.of("recorded_at"), null),
          new Table("retry_queue", List.of("updated_at"), "published"));

  private record Table(String name, List<String> instants, @Nullable String offsetTime) {}

  @Override
  public void migrate(Context context) throws Exception {
    Connection c = context.getConnection();
    try (Statement s = c.createStatement()) {
      for (Table t : TABLES) {
        s.execute("ALTER TABLE " + t.name() + " RENAME TO " + t.name() + "_v5");
      }
      for (String sql : SCHEMA.split(";")) {
        if (!sql.isBlank()) {
          s.execute(sql);
        }
      }
    }
    for (Table t : TABLES) {
      addLaterColumns(c, t);
      copy(c, t);
    }
    try (Statement s = c.createStatement()) {
      // children first: item_failures refers to runs
      for (int i = TABLES.size() - 1; i >= 0; i--) {
        s.execute("DROP TABLE " + TABLES.get(i).name() + "_v5");
      }
      for (String sql : INDEXES.split(";")) {
        if (!sql.isBlank()) {
          s.execute(sql);
        }
      }
    }
  }

  /**
   * Adds to the new table the columns later migrations gave the old one (as they declared them).
   */
  private static void addLaterColumns(Connection c, Table t) throws SQLException {
    List<String> present = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("PRAGMA table_info(" + t.name() + ")")) {
      while (rs.next()) {
        present.add(rs.getString("name"));
      }
    }
    List<String> added = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("PRAGMA table_info(" + t.name() + "_v5)")) {
      while (rs.next()) {
        String name = rs.getString("name");
        if (present.contains(name) || name.equals(t.offsetTime())) {
          continue;
        }
        String dflt = rs.getString("dflt_value");
        added.add(
            "ALTER TABLE "
                + t.name()
                + " ADD COLUMN "
                + name
                + " "
                + rs.getString("type")
                + (rs.getInt("notnull") == 1 && dflt != null ? " NOT NULL" : "")
                + (dflt != null ? " DEFAULT " + dflt : ""));
      }
    }
    try (Statement s = c.createStatement()) {
      for (String sql : added) {
        s.execute(sql);
      }
    }
  }

  private static void copy(Connection c, Table t) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT * FROM " + t.name() + "_v5")) {
      List<String> columns = new ArrayList<>();
      for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
        String col = rs.getMetaData().getColumnName(i);
        if (col.equals(t.offsetTime())) {
          columns.add(col + "_at");
          columns.add(col + "_offset");
        } else {
          columns.add(col);
        }
      }
      String insert =
          "INSERT INTO "
              + t.name()
              + " ("
              + String.join(", ", columns)
              + ") VALUES ("
              + String.join(", ", columns.stream().map(x -> "?").toList())
              + ")";
      try (PreparedStatement ps = c.prepareStatement(insert)) {
        while (rs.next()) {
          int p = 0;
          for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
            String col = rs.getMetaData().getColumnName(i);
            Object value = rs.getObject(i);
            if (col.equals(t.offsetTime())) {
              OffsetDateTime time = value == null ? null : OffsetDateTime.parse((String) value);
              ps.setObject(++p, time == null ? null : micros(time.toInstant()));
              ps.setObject(++p, time == null ? null : time.getOffset().getTotalSeconds());
            } else if (t.instants().contains(col)) {
              ps.setObject(++p, value == null ? null : micros(Instant.parse((String) value)));
            } else {
              ps.setObject(++p, value);
            }
          }
          ps.executeUpdate();
        }
      }
    }
  }

  private static long micros(Instant t) {
    return ChronoUnit.MICROS.between(Instant.EPOCH, t);
  }

  private static final String SCHEMA =
      """
      CREATE TABLE entries (
        id                 TEXT PRIMARY KEY,
        url                TEXT NOT NULL,
        source             TEXT NOT NULL,
        title              TEXT NOT NULL,
        byline             TEXT,
        published_at       INTEGER,
        published_offset   INTEGER,
        site_name          TEXT,
        language           TEXT,
        image              TEXT,
        text               TEXT NOT NULL,
        summary            TEXT NOT NULL,
        editors_note       TEXT,
        sentiment          TEXT NOT NULL,
        category           TEXT NOT NULL,
        topics             TEXT NOT NULL,
        analyzer           TEXT NOT NULL,
        model              TEXT NOT NULL,
        analysis_version   TEXT NOT NULL,
        extraction_version TEXT NOT NULL,
        fetched_at         INTEGER NOT NULL,
        analyzed_at        INTEGER NOT NULL,
        content_hash       TEXT NOT NULL,
        llm_calls          INTEGER NOT NULL DEFAULT 0,
        tokens_in          INTEGER NOT NULL DEFAULT 0,
        tokens_out         INTEGER NOT NULL DEFAULT 0,
        cost_usd           REAL NOT NULL DEFAULT 0,
        first_seen_at      INTEGER NOT NULL,
        updated_at         INTEGER NOT NULL,
        simhash            INTEGER
      );
      CREATE TABLE runs (
        id          INTEGER PRIMARY KEY AUTOINCREMENT,
        command     TEXT NOT NULL,
        started_at  INTEGER NOT NULL,
        finished_at INTEGER,
        analyzer    TEXT NOT NULL,
        counts      TEXT NOT NULL DEFAULT '{}',
        llm_calls   INTEGER NOT NULL DEFAULT 0,
        tokens_in   INTEGER NOT NULL DEFAULT 0,
        tokens_out  INTEGER NOT NULL DEFAULT 0,
        cost_usd    REAL NOT NULL DEFAULT 0,
        status      TEXT NOT NULL DEFAULT 'running'
      );
      CREATE TABLE item_failures (
        id          INTEGER PRIMARY KEY AUTOINCREMENT,
        run_id      INTEGER NOT NULL REFERENCES runs (id),
        url         TEXT NOT NULL,
        stage       TEXT NOT NULL,
        reason      TEXT NOT NULL,
        message     TEXT NOT NULL,
        detail      TEXT,
        recorded_at INTEGER NOT NULL
      );
      CREATE TABLE fetch_state (
        url           TEXT PRIMARY KEY,
        etag          TEXT,
        last_modified TEXT,
        checked_at    INTEGER NOT NULL
      );
      CREATE TABLE entry_vectors (
        id           TEXT PRIMARY KEY,
        content_hash TEXT NOT NULL,
        model        TEXT NOT NULL,
        vector       BLOB NOT NULL
      );
      CREATE TABLE alternates (
        url         TEXT PRIMARY KEY,
        entry_id    TEXT NOT NULL,
        kind        TEXT NOT NULL,
        recorded_at INTEGER NOT NULL
      );
      CREATE TABLE retry_queue (
        url              TEXT PRIMARY KEY,
        source           TEXT NOT NULL,
        title            TEXT,
        published_at     INTEGER,
        published_offset INTEGER,
        category         TEXT,
        reason           TEXT NOT NULL,
        attempts         INTEGER NOT NULL,
        updated_at       INTEGER NOT NULL
      );
      """;

  private static final String INDEXES =
      """
      CREATE INDEX entries_published ON entries (published_at);
      CREATE INDEX entries_category ON entries (category);
      CREATE INDEX entries_content_hash ON entries (content_hash);
      CREATE INDEX item_failures_run ON item_failures (run_id);
      CREATE INDEX alternates_entry ON alternates (entry_id);
      """;
}
