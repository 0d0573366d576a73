package dev.pulse.editorial;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pulse.analyze.Sentiment;
import dev.pulse.store.StoreException;
import dev.pulse.store.Stores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The desk's tables (accounts, reviews, corrections, audit, locks, votes) in the same SQLite file
 * as the entries, on a connection of its own. It never writes the {@code entries} table: the
 * analyzer's output and the editors' work stay apart.
 */
public final class SqliteDeskStore
    implements AccountStore, EditorialStore, VoteStore, AutoCloseable {

  private final Path file;
  private final Connection connection;

  private SqliteDeskStore(Path file, Connection connection) {
    this.file = file;
    this.connection = connection;
  }

  /** Opens the desk tables of the store in {@code file}, creating and migrating as needed. */
  public static SqliteDeskStore open(Path file) {
    String url = "jdbc:sqlite:" + file.toAbsolutePath();
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      // the one factory creates and migrates the whole store, desk tables included
      Stores.sqlite(file).close();
      Connection c = DriverManager.getConnection(url);
      try (Statement s = c.createStatement()) {
        s.execute("PRAGMA journal_mode=WAL");
        s.execute("PRAGMA busy_timeout=10000");
      }
      return new SqliteDeskStore(file, c);
    } catch (java.io.IOException | SQLException e) {
      throw new StoreException("cannot open the desk tables of " + file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized void addAccount(String name, Role role, String passwordHash) {
    Account.checkName(name);
    if (account(name).isPresent()) {
      throw new IllegalArgumentException("account '" + name + "' exists already");
    }
    String now = Instant.now().toString();
    update(
        "add account " + name,
        "INSERT INTO desk_users (name, role, password_hash, disabled, created_at, updated_at)"
            + " VALUES (?,?,?,0,?,?)",
        name,
        role.name(),
        passwordHash,
        now,
        now);
  }

  @Override
  public synchronized Optional<Account> account(String name) {
    return queryOne(
        "read account " + name,
        "SELECT * FROM desk_users WHERE name = ?",
        SqliteDeskStore::account,
        name);
  }

  @Override
  public synchronized Optional<String> passwordHash(String name) {
    return queryOne(
        "read account " + name,
        "SELECT password_hash FROM desk_users WHERE name = ? AND disabled = 0",
        rs -> rs.getString(1),
        name);
  }

  @Override
  public synchronized List<Account> accounts() {
    return query(
        "list accounts", "SELECT * FROM desk_users ORDER BY name", SqliteDeskStore::account);
  }

  @Override
  public synchronized boolean setDisabled(String name, boolean disabled) {
    return update(
            "disable account " + name,
            "UPDATE desk_users SET disabled = ?, updated_at = ? WHERE name = ?",
            disabled ? 1 : 0,
            Instant.now().toString(),
            name)
        > 0;
  }

  @Override
  public synchronized boolean setPasswordHash(String name, String passwordHash) {
    return update(
            "reset account " + name,
            "UPDATE desk_users SET password_hash = ?, updated_at = ? WHERE name = ?",
            passwordHash,
            Instant.now().toString(),
            name)
        > 0;
  }

  /**
   * A cheap marker of what the public site shows: it changes whenever an entry is stored or an
   * editor changes anything (every editorial change is audited).
   */
  public synchronized String publishedSignature() {
    return queryOne(
            "read the store's state",
            "SELECT (SELECT COUNT(*) FROM entries) || '/' || COALESCE((SELECT MAX(updated_at) FROM"
                + " entries), '') || '/' || COALESCE((SELECT MAX(id) FROM desk_audit), 0)",
            rs -> rs.getString(1))
        .orElse("");
  }

  // --- reviews ---------------------------------------------------------------------------------

  @Override
  public synchronized Map<String, ReviewState> reviewStates() {
    Map<String, ReviewState> out = new HashMap<>();
    for (String[] row :
        query(
            "read review states",
            "SELECT entry_id, state FROM desk_reviews",
            rs -> new String[] {rs.getString(1), rs.getString(2)})) {
      out.put(row[0], ReviewState.valueOf(row[1]));
    }
    return out;
  }

  @Override
  public synchronized ReviewState reviewState(String entryId) {
    return queryOne(
            "read review of " + entryId,
            "SELECT state FROM desk_reviews WHERE entry_id = ?",
            rs -> ReviewState.valueOf(rs.getString(1)),
            entryId)
        .orElse(ReviewState.NEW);
  }

  @Override
  public synchronized void setReviewState(String entryId, ReviewState state, String actor) {
    inTransaction(
        () -> {
          ReviewState old = reviewState(entryId);
          if (old == state) {
            return null;
          }
          String now = Instant.now().toString();
          update(
              "review " + entryId,
              "INSERT INTO desk_reviews (entry_id, state, decided_by, decided_at) VALUES (?,?,?,?)"
                  + " ON CONFLICT (entry_id) DO UPDATE SET state = excluded.state,"
                  + " decided_by = excluded.decided_by, decided_at = excluded.decided_at",
              entryId,
              state.name(),
              actor,
              now);
          audit(entryId, actor, now, "state", old.label(), state.label(), 0);
          return null;
        });
  }

  @Override
  public synchronized QueuePage queue(QueueQuery q) {
    StringBuilder where = new StringBuilder(" WHERE 1=1");
    List<Object> args = new ArrayList<>();
    if (q.source() != null) {
      where.append(" AND e.source = ?");
      args.add(q.source());
    }
    if (q.category() != null) {
      where.append(" AND COALESCE(c.category, e.category) = ?");
      args.add(q.category());
    }
    if (q.sentiment() != null) {
      where.append(" AND COALESCE(c.sentiment, e.sentiment) = ?");
      args.add(q.sentiment());
    }
    if ("flagged".equals(q.flag())) {
      where.append(" AND e.flags <> '[]'");
    } else if ("none".equals(q.flag())) {
      where.append(" AND e.flags = '[]'");
    }
    if (q.state() != null) {
      where.append(" AND COALESCE(r.state, 'NEW') = ?");
      args.add(q.state().name());
    }
    String from =
        " FROM entries e LEFT JOIN desk_reviews r ON r.entry_id = e.id"
            + " LEFT JOIN desk_corrections c ON c.entry_id = e.id"
            + " LEFT JOIN (SELECT entry_id, SUM(CASE WHEN vote > 0 THEN 1 ELSE 0 END) AS yes,"
            + " SUM(CASE WHEN vote < 0 THEN 1 ELSE 0 END) AS no FROM desk_votes GROUP BY entry_id) v"
            + " ON v.entry_id = e.id";
    int total =
        queryOne(
                "count the queue",
                "SELECT COUNT(*)" + from + where,
                rs -> rs.getInt(1),
                args.toArray())
            .orElse(0);
    String order =
        switch (q.sort()) {
          case "votes" -> " ORDER BY COALESCE(v.yes, 0) + COALESCE(v.no, 0) DESC,";
          case "helpful" -> " ORDER BY COALESCE(v.yes, 0) - COALESCE(v.no, 0) DESC,";
          default -> " ORDER BY";
        };
    List<Object> pageArgs = new ArrayList<>(args);
    pageArgs.add(q.pageSize());
    pageArgs.add((q.page() - 1) * q.pageSize());
    List<QueueRow> rows =
        query(
            "read the queue",
            "SELECT e.id, e.title, e.source, COALESCE(e.published_at, e.analyzed_at) AS at,"
                + " e.category AS ai_category, c.category AS ed_category,"
                + " e.sentiment AS ai_sentiment, c.sentiment AS ed_sentiment,"
                + " COALESCE(r.state, 'NEW') AS state, c.entry_id IS NOT NULL AS corrected,"
                + " COALESCE(v.yes, 0) AS yes, COALESCE(v.no, 0) AS no, e.flags AS flags"
                + from
                + where
                + order
                + " COALESCE(e.published_at, e.analyzed_at) DESC, e.id LIMIT ? OFFSET ?",
            rs ->
                new QueueRow(
                    rs.getString("id"),
                    rs.getString("title"),
                    rs.getString("source"),
                    // entries keep UTC instants as microseconds since the epoch (store V6)
                    java.time.Instant.EPOCH
                        .plus(rs.getLong("at"), java.time.temporal.ChronoUnit.MICROS)
                        .toString(),
                    Objects.requireNonNullElse(
                        rs.getString("ed_category"), rs.getString("ai_category")),
                    rs.getString("ai_category"),
                    Objects.requireNonNullElse(
                        rs.getString("ed_sentiment"), rs.getString("ai_sentiment")),
                    rs.getString("ai_sentiment"),
                    ReviewState.valueOf(rs.getString("state")),
                    rs.getInt("corrected") != 0,
                    rs.getInt("yes"),
                    rs.getInt("no"),
                    flags(rs)),
            pageArgs.toArray());
    return new QueuePage(rows, total, q.page(), q.pageSize());
  }

  /** The entry's faithfulness flags, one per line, or null when there are none. */
  private static String flags(ResultSet rs) throws SQLException {
    String json = rs.getString("flags");
    try {
      List<String> list = json == null ? List.of() : JSON.readValue(json, STRINGS);
      return list.isEmpty() ? null : String.join("\n", list);
    } catch (JsonProcessingException e) {
      return json;
    }
  }

  @Override
  public synchronized List<String> sources() {
    return query(
        "list sources",
        "SELECT DISTINCT source FROM entries ORDER BY source",
        rs -> rs.getString(1));
  }

  // --- corrections and audit -------------------------------------------------------------------

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

  @Override
  public synchronized Map<String, Correction> corrections() {
    Map<String, Correction> out = new HashMap<>();
    for (Correction c :
        query("read corrections", "SELECT * FROM desk_corrections", SqliteDeskStore::correction)) {
      out.put(c.entryId(), c);
    }
    return out;
  }

  @Override
  public synchronized Optional<Correction> correction(String entryId) {
    return queryOne(
        "read corrections of " + entryId,
        "SELECT * FROM desk_corrections WHERE entry_id = ?",
        SqliteDeskStore::correction,
        entryId);
  }

  @Override
  public synchronized SaveResult save(
      String entryId, long baseVersion, Edit edit, Edit ai, String actor) {
    return inTransaction(
        () -> {
          Optional<Correction> current = correction(entryId);
          long version = current.map(Correction::version).orElse(0L);
          if (version != baseVersion) {
            List<AuditRecord> newer =
                audit(entryId).stream().filter(a -> a.version() > baseVersion).toList();
            return new SaveResult(false, version, newer);
          }
          Edit shown = shown(current.orElse(null), ai);
          Map<String, String[]> changes = new LinkedHashMap<>();
          diff(changes, "summary", shown.summary(), edit.summary());
          diff(changes, "editors_note", shown.editorsNote(), edit.editorsNote());
          diff(changes, "sentiment", label(shown.sentiment()), label(edit.sentiment()));
          diff(changes, "category", shown.category(), edit.category());
          diff(
              changes,
              "topics",
              String.join(", ", shown.topics()),
              String.join(", ", edit.topics()));
          if (changes.isEmpty()) {
            return new SaveResult(true, version, List.of());
          }
          long next = version + 1;
          String now = Instant.now().toString();
          update(
              "save corrections of " + entryId,
              "INSERT INTO desk_corrections (entry_id, summary, editors_note, sentiment, category,"
                  + " topics, version, updated_by, updated_at) VALUES (?,?,?,?,?,?,?,?,?)"
                  + " ON CONFLICT (entry_id) DO UPDATE SET summary = excluded.summary,"
                  + " editors_note = excluded.editors_note, sentiment = excluded.sentiment,"
                  + " category = excluded.category, topics = excluded.topics,"
                  + " version = excluded.version, updated_by = excluded.updated_by,"
                  + " updated_at = excluded.updated_at",
              entryId,
              differs(edit.summary(), ai.summary()),
              differs(edit.editorsNote(), ai.editorsNote()),
              label(differs(edit.sentiment(), ai.sentiment())),
              differs(edit.category(), ai.category()),
              json(differs(edit.topics(), ai.topics())),
              next,
              actor,
              now);
          changes.forEach(
              (field, values) -> audit(entryId, actor, now, field, values[0], values[1], next));
          update(
              "release the lock on " + entryId,
              "DELETE FROM desk_locks WHERE entry_id = ? AND holder = ?",
              entryId,
              actor);
          return new SaveResult(true, next, List.of());
        });
  }

  /** What readers see now: the corrections over the analyzer's values. */
  private static Edit shown(Correction c, Edit ai) {
    if (c == null) {
      return ai;
    }
    return new Edit(
        c.summary() != null ? c.summary() : ai.summary(),
        c.editorsNote() != null ? c.editorsNote() : ai.editorsNote(),
        c.sentiment() != null ? c.sentiment() : ai.sentiment(),
        c.category() != null ? c.category() : ai.category(),
        c.topics() != null ? c.topics() : ai.topics());
  }

  private static <T> T differs(T edited, T ai) {
    return Objects.equals(edited, ai) ? null : edited;
  }

  private static void diff(Map<String, String[]> changes, String field, String old, String now) {
    if (!Objects.equals(old, now)) {
      changes.put(field, new String[] {old, now});
    }
  }

  private static String label(Sentiment s) {
    return s == null ? null : s.label();
  }

  @Override
  public synchronized List<AuditRecord> audit(String entryId) {
    return query(
        "read the audit of " + entryId,
        "SELECT * FROM desk_audit WHERE entry_id = ? ORDER BY id",
        rs ->
            new AuditRecord(
                rs.getString("entry_id"),
                rs.getString("actor"),
                Instant.parse(rs.getString("at")),
                rs.getString("field"),
                rs.getString("old_value"),
                rs.getString("new_value"),
                rs.getLong("version")),
        entryId);
  }

  private void audit(
      String entryId, String actor, String at, String field, String old, String now, long version) {
    update(
        "audit " + entryId,
        "INSERT INTO desk_audit (entry_id, actor, at, field, old_value, new_value, version)"
            + " VALUES (?,?,?,?,?,?,?)",
        entryId,
        actor,
        at,
        field,
        old,
        now,
        version);
  }

  private static Correction correction(ResultSet rs) throws SQLException {
    String sentiment = rs.getString("sentiment");
    String topics = rs.getString("topics");
    try {
      return new Correction(
          rs.getString("entry_id"),
          rs.getString("summary"),
          rs.getString("editors_note"),
          sentiment == null ? null : Sentiment.fromLabel(sentiment),
          rs.getString("category"),
          topics == null ? null : JSON.readValue(topics, STRINGS),
          rs.getLong("version"),
          rs.getString("updated_by"),
          Instant.parse(rs.getString("updated_at")));
    } catch (JsonProcessingException e) {
      throw new SQLException("unreadable topics of " + rs.getString("entry_id"), e);
    }
  }

  private static String json(List<String> list) {
    try {
      return list == null ? null : JSON.writeValueAsString(list);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  // --- locks -----------------------------------------------------------------------------------

  @Override
  public synchronized EditLock lock(String entryId, String user, Duration inactivity) {
    return inTransaction(
        () -> {
          Optional<EditLock> held = currentLock(entryId, inactivity);
          if (held.isPresent() && !held.get().holder().equals(user)) {
            return held.get();
          }
          String now = Instant.now().toString();
          String since = held.map(l -> l.since().toString()).orElse(now);
          update(
              "lock " + entryId,
              "INSERT INTO desk_locks (entry_id, holder, since, touched_at) VALUES (?,?,?,?)"
                  + " ON CONFLICT (entry_id) DO UPDATE SET holder = excluded.holder,"
                  + " since = excluded.since, touched_at = excluded.touched_at",
              entryId,
              user,
              since,
              now);
          return new EditLock(entryId, user, Instant.parse(since), Instant.parse(now));
        });
  }

  @Override
  public synchronized Optional<EditLock> currentLock(String entryId, Duration inactivity) {
    Instant cutoff = Instant.now().minus(inactivity);
    return queryOne(
            "read the lock on " + entryId,
            "SELECT * FROM desk_locks WHERE entry_id = ?",
            rs ->
                new EditLock(
                    rs.getString("entry_id"), rs.getString("holder"),
                    Instant.parse(rs.getString("since")),
                        Instant.parse(rs.getString("touched_at"))),
            entryId)
        .filter(l -> l.touchedAt().isAfter(cutoff));
  }

  @Override
  public synchronized void unlock(String entryId, String user, String actor) {
    inTransaction(
        () -> {
          if (user == null) {
            Optional<EditLock> held = currentLock(entryId, Duration.ofDays(3650));
            if (held.isPresent()) {
              update(
                  "break the lock on " + entryId,
                  "DELETE FROM desk_locks WHERE entry_id = ?",
                  entryId);
              audit(
                  entryId,
                  actor,
                  Instant.now().toString(),
                  "lock",
                  held.get().holder(),
                  "broken",
                  0);
            }
          } else {
            update(
                "release the lock on " + entryId,
                "DELETE FROM desk_locks WHERE entry_id = ? AND holder = ?",
                entryId,
                user);
          }
          return null;
        });
  }

  // --- votes -----------------------------------------------------------------------------------

  @Override
  public synchronized Outcome vote(
      String entryId, String voter, boolean yes, String addressHash, Instant at, int maxPerHour) {
    return inTransaction(
        () -> {
          if (queryOne(
                  "read a vote",
                  "SELECT 1 FROM desk_votes WHERE entry_id = ? AND voter = ?",
                  rs -> 1,
                  entryId,
                  voter)
              .isPresent()) {
            return Outcome.DUPLICATE;
          }
          int recent =
              queryOne(
                      "count votes",
                      "SELECT COUNT(*) FROM desk_votes WHERE" + " address_hash = ? AND at > ?",
                      rs -> rs.getInt(1),
                      addressHash,
                      at.minus(Duration.ofHours(1)).toString())
                  .orElse(0);
          if (recent >= maxPerHour) {
            return Outcome.LIMITED;
          }
          update(
              "record a vote",
              "INSERT INTO desk_votes (entry_id, voter, vote, address_hash, at)"
                  + " VALUES (?,?,?,?,?)",
              entryId,
              voter,
              yes ? 1 : -1,
              addressHash,
              at.toString());
          return Outcome.RECORDED;
        });
  }

  @Override
  public synchronized int[] counts(String entryId) {
    return queryOne(
            "count votes of " + entryId,
            "SELECT"
                + " COALESCE(SUM(CASE WHEN vote > 0 THEN 1 ELSE 0 END), 0),"
                + " COALESCE(SUM(CASE WHEN vote < 0 THEN 1 ELSE 0 END), 0)"
                + " FROM desk_votes WHERE entry_id = ?",
            rs -> new int[] {rs.getInt(1), rs.getInt(2)},
            entryId)
        .orElse(new int[2]);
  }

  /** Every stored vote as "entry|voter|vote|address hash|at" (for tests and audits). */
  public synchronized List<String> rawVotes() {
    return query(
        "list votes",
        "SELECT * FROM desk_votes ORDER BY at",
        rs ->
            rs.getString("entry_id")
                + "|"
                + rs.getString("voter")
                + "|"
                + rs.getInt("vote")
                + "|"
                + rs.getString("address_hash")
                + "|"
                + rs.getString("at"));
  }

  @Override
  public synchronized String salt() {
    return inTransaction(
        () ->
            queryOne(
                    "read the salt",
                    "SELECT value FROM desk_secrets WHERE name = 'address_salt'",
                    rs -> rs.getString(1))
                .orElseGet(
                    () -> {
                      byte[] b = new byte[32];
                      new java.security.SecureRandom().nextBytes(b);
                      String salt = java.util.HexFormat.of().formatHex(b);
                      update(
                          "save the salt",
                          "INSERT INTO desk_secrets (name, value) VALUES ('address_salt', ?)",
                          salt);
                      return salt;
                    }));
  }

  @Override
  public synchronized int forgetAddresses(Duration retention, Instant now) {
    return update(
        "forget addresses",
        "UPDATE desk_votes SET address_hash = NULL" + " WHERE address_hash IS NOT NULL AND at < ?",
        now.minus(retention).toString());
  }

  private <T> T inTransaction(Supplier<T> work) {
    try {
      connection.setAutoCommit(false);
      try {
        T result = work.get();
        connection.commit();
        return result;
      } catch (RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new StoreException("cannot finish a transaction in " + file + ": " + e, e);
    }
  }

  private static Account account(ResultSet rs) throws SQLException {
    return new Account(
        rs.getString("name"),
        Role.valueOf(rs.getString("role")),
        rs.getInt("disabled") != 0,
        Instant.parse(rs.getString("created_at")));
  }

  // --- plumbing -------------------------------------------------------------------------------

  interface Row<T> {
    T read(ResultSet rs) throws SQLException;
  }

  int update(String what, String sql, Object... args) {
    try (PreparedStatement ps = prepare(sql, args)) {
      return ps.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException("cannot " + what + " in " + file + ": " + e, e);
    }
  }

  <T> List<T> query(String what, String sql, Row<T> row, Object... args) {
    try (PreparedStatement ps = prepare(sql, args);
        ResultSet rs = ps.executeQuery()) {
      List<T> out = new ArrayList<>();
      while (rs.next()) {
        out.add(row.read(rs));
      }
      return out;
    } catch (SQLException e) {
      throw new StoreException("cannot " + what + " in " + file + ": " + e, e);
    }
  }

  <T> Optional<T> queryOne(String what, String sql, Row<T> row, Object... args) {
    List<T> all = query(what, sql, row, args);
    return all.isEmpty() ? Optional.empty() : Optional.ofNullable(all.get(0));
  }

  private PreparedStatement prepare(String sql, Object... args) throws SQLException {
    PreparedStatement ps = connection.prepareStatement(sql);
    for (int i = 0; i < args.length; i++) {
      ps.setObject(i + 1, args[i]);
    }
    return ps;
  }

  @Override
  public synchronized void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      throw new StoreException("cannot close the desk tables of " + file + ": " + e, e);
    }
  }
}
