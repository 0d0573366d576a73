package dev.pulse.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Copies everything from one store to another, SQLite or PostgreSQL either side: entries with their
 * fingerprints, runs, failures, validators, vectors, alternates, the retry queue, and the desk's
 * accounts, reviews, corrections with their audit trail and readers' votes (not its edit locks,
 * which are live state). Rows are upserted by their keys, so copying again changes nothing; each
 * table is copied in one transaction. Columns named {@code *_at} are instants, converted between
 * the two dialects, except in the desk's tables, which keep their times as text in both.
 */
public final class StoreCopy {

  /** Tables with their keys, parents before children. */
  private static final Map<String, String> TABLES = new LinkedHashMap<>();

  static {
    TABLES.put("entries", "id");
    TABLES.put("runs", "id");
    TABLES.put("item_failures", "id");
    TABLES.put("fetch_state", "url");
    TABLES.put("entry_vectors", "id");
    TABLES.put("alternates", "url");
    TABLES.put("retry_queue", "url");
    TABLES.put("desk_users", "name");
    TABLES.put("desk_reviews", "entry_id");
    TABLES.put("desk_corrections", "entry_id");
    TABLES.put("desk_audit", "id");
    TABLES.put("desk_votes", "entry_id, voter");
    TABLES.put("desk_secrets", "name");
  }

  private StoreCopy() {}

  /** Copies every table of {@code from} into {@code to}. */
  public static void copy(Store from, Store to) {
    Db source = from.db();
    Db target = to.db();
    for (Map.Entry<String, String> t : TABLES.entrySet()) {
      copy(source, target, t.getKey(), t.getValue());
    }
  }

  /** Rows per table, in copying order. */
  public static Map<String, Long> counts(Store store) {
    Db db = store.db();
    Map<String, Long> out = new LinkedHashMap<>();
    for (String table : TABLES.keySet()) {
      out.put(
          table,
          db.first("count " + table, "SELECT COUNT(*) AS n FROM " + table, r -> r.number("n"))
              .orElse(0L));
    }
    return out;
  }

  private static void copy(Db source, Db target, String table, String key) {
    List<Map<String, Object>> rows =
        source.list(
            "read " + table,
            "SELECT * FROM " + table + " ORDER BY " + key,
            r -> {
              Map<String, Object> row = new LinkedHashMap<>();
              for (String c : r.columns()) {
                boolean instant = c.endsWith("_at") && !table.startsWith("desk_");
                row.put(c, instant ? r.instant(c) : r.value(c));
              }
              return row;
            });
    if (rows.isEmpty()) {
      return;
    }
    List<String> columns = new ArrayList<>(rows.get(0).keySet());
    String sql =
        "INSERT INTO "
            + table
            + " ("
            + String.join(", ", columns)
            + ") VALUES ("
            + columns.stream().map(c -> "?").collect(Collectors.joining(", "))
            + ") ON CONFLICT ("
            + key
            + ") DO UPDATE SET "
            + columns.stream()
                .filter(c -> !List.of(key.split(", ")).contains(c))
                .map(c -> c + "=excluded." + c)
                .collect(Collectors.joining(", "));
    target.inTransaction(
        "copy " + table,
        () -> {
          for (Map<String, Object> row : rows) {
            target.update("copy a row of " + table, sql, row.values().toArray());
          }
          if (target.dialect() == Dialect.POSTGRESQL
              && key.equals("id")
              && !table.equals("entries")
              && !table.equals("entry_vectors")) {
            // numbering goes on after the copied rows
            target.first(
                "renumber " + table,
                "SELECT setval(pg_get_serial_sequence('"
                    + table
                    + "', 'id'),"
                    + " (SELECT MAX(id) FROM "
                    + table
                    + "))",
                r -> 0);
          }
          return null;
        });
  }
}
