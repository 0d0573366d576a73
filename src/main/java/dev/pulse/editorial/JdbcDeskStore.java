package dev.pulse.editorial;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pulse.analyze.Sentiment;
import dev.pulse.store.Db;
import dev.pulse.store.Store;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The desk's tables (accounts, reviews, corrections, audit, locks, votes) in the store's own
 * database, SQLite or PostgreSQL, through the store's data-access core: the same SQL for both. It
 * never writes the {@code entries} table: the analyzer's output and the editors' work stay apart.
 *
 * <p>Its times are UTC instants kept as fixed-width ISO-8601 text (microseconds, {@code Z}), so
 * they compare and sort as text in both databases. A change that depends on what it read (a save
 * based on a version, a lock taken over a lapsed one) is guarded in its write statement too, so two
 * servers on one PostgreSQL store never lose an edit to a race.
 */
public final class JdbcDeskStore implements AccountStore, EditorialStore, VoteStore {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

  private final Db db;

  /** The desk's tables of {@code store} (opened, and so migrated, by {@code Stores}). */
  public JdbcDeskStore(Store store) {
    this.db = store.db();
  }

  static String text(Instant t) {
    return TIME.format(t);
  }

  // --- accounts --------------------------------------------------------------------------------

  @Override
  public void addAccount(String name, Role role, String passwordHash) {
    Account.checkName(name);
    String now = text(Instant.now());
    int added =
        db.update(
            "add account " + name,
            "INSERT INTO desk_users (name, role, password_hash, disabled, created_at, updated_at)"
                + " VALUES (?,?,?,0,?,?) ON CONFLICT (name) DO NOTHING",
            name,
            role.name(),
            passwordHash,
            now,
            now);
    if (added == 0) {
      throw new IllegalArgumentException("account '" + name + "' exists already");
    }
  }

  @Override
  public Optional<Account> account(String name) {
    return db.first(
        "read account " + name,
        "SELECT * FROM desk_users WHERE name = ?",
        JdbcDeskStore::account,
        name);
  }

  @Override
  public Optional<String> passwordHash(String name) {
    return db.first(
        "read account " + name,
        "SELECT password_hash FROM desk_users WHERE name = ? AND disabled = 0",
        r -> r.text("password_hash"),
        name);
  }

  @Override
  public List<Account> accounts() {
    return db.list(
        "list accounts", "SELECT * FROM desk_users ORDER BY name", JdbcDeskStore::account);
  }

  @Override
  public boolean setDisabled(String name, boolean disabled) {
    return db.update(
            "disable account " + name,
            "UPDATE desk_users SET disabled = ?, updated_at = ? WHERE name = ?",
            disabled ? 1 : 0,
            text(Instant.now()),
            name)
        > 0;
  }

  @Override
  public boolean setPasswordHash(String name, String passwordHash) {
    return db.update(
            "reset account " + name,
            "UPDATE desk_users SET password_hash = ?, updated_at = ? WHERE name = ?",
            passwordHash,
            text(Instant.now()),
            name)
        > 0;
  }

  private static Account account(Db.Row r) throws SQLException {
    return new Account(
        r.text("name"),
        Role.valueOf(r.text("role")),
        r.number("disabled") != 0,
        Instant.parse(r.text("created_at")));
  }

  /**
   * A cheap marker of what the public site shows: it changes whenever an entry is stored or an
   * editor changes anything (every editorial change is audited).
   */
  public String publishedSignature() {
    return db.first(
            "read the store's state",
            "SELECT (SELECT COUNT(*) FROM entries) AS n,"
                + " (SELECT MAX(updated_at) FROM entries) AS updated_at,"
                + " (SELECT MAX(id) FROM desk_audit) AS audit",
            r -> r.number("n") + "/" + r.instant("updated_at") + "/" + r.optionalNumber("audit"))
        .orElse("");
  }

  // --- reviews ---------------------------------------------------------------------------------

  @Override
  public Map<String, ReviewState> reviewStates() {
    Map<String, ReviewState> out = new HashMap<>();
    db.list(
        "read review states",
        "SELECT entry_id, state FROM desk_reviews",
        r -> out.put(r.text("entry_id"), ReviewState.valueOf(r.text("state"))));
    return out;
  }

  @Override
  public ReviewState reviewState(String entryId) {
    return db.first(
            "read review of " + entryId,
            "SELECT state FROM desk_reviews WHERE entry_id = ?",
            r -> ReviewState.valueOf(r.text("state")),
            entryId)
        .orElse(ReviewState.NEW);
  }

  @Override
  public void setReviewState(String entryId, ReviewState state, String actor) {
    db.inTransaction(
        "review " + entryId,
        () -> {
          ReviewState old = reviewState(entryId);
          if (old == state) {
            return null;
          }
          String now = text(Instant.now());
          db.update(
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
  public QueuePage queue(QueueQuery q) {
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
    boolean corrections = q.category() != null || q.sentiment() != null;
    // the count joins only what its filters read; votes never filter
    String counted =
        " FROM entries e LEFT JOIN desk_reviews r ON r.entry_id = e.id"
            + (corrections ? " LEFT JOIN desk_corrections c ON c.entry_id = e.id" : "");
    long total =
        db.first(
                "count the queue",
                "SELECT COUNT(*) AS n" + counted + where,
                r -> r.number("n"),
                args.toArray())
            .orElse(0L);
    boolean byVotes = q.sort().equals("votes") || q.sort().equals("helpful");
    String from =
        " FROM entries e LEFT JOIN desk_reviews r ON r.entry_id = e.id"
            + " LEFT JOIN desk_corrections c ON c.entry_id = e.id"
            + (byVotes
                ? " LEFT JOIN (SELECT entry_id, SUM(CASE WHEN vote > 0 THEN 1 ELSE 0 END) AS yes,"
                    + " SUM(CASE WHEN vote < 0 THEN 1 ELSE 0 END) AS no FROM desk_votes"
                    + " GROUP BY entry_id) v ON v.entry_id = e.id"
                : "");
    // newest first reads the entries_shown_at index in order and stops after the page; only a
    // sort by votes counts every entry's votes
    String votes =
        byVotes
            ? " COALESCE(v.yes, 0) AS yes, COALESCE(v.no, 0) AS no,"
            : " (SELECT COUNT(*) FROM desk_votes v WHERE v.entry_id = e.id AND v.vote > 0) AS yes,"
                + " (SELECT COUNT(*) FROM desk_votes v WHERE v.entry_id = e.id AND v.vote < 0)"
                + " AS no,";
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
        db.list(
            "read the queue",
            "SELECT e.id, e.title, e.source, COALESCE(e.published_at, e.analyzed_at) AS at,"
                + " e.category AS ai_category, c.category AS ed_category,"
                + " e.sentiment AS ai_sentiment, c.sentiment AS ed_sentiment,"
                + " COALESCE(r.state, 'NEW') AS state,"
                + " CASE WHEN c.entry_id IS NULL THEN 0 ELSE 1 END AS corrected,"
                + votes
                + " e.flags AS flags"
                + from
                + where
                + order
                + " COALESCE(e.published_at, e.analyzed_at) DESC, e.id LIMIT ? OFFSET ?",
            r ->
                new QueueRow(
                    r.text("id"),
                    r.text("title"),
                    r.text("source"),
                    r.instant("at").toString(),
                    Objects.requireNonNullElse(r.text("ed_category"), r.text("ai_category")),
                    r.text("ai_category"),
                    Objects.requireNonNullElse(r.text("ed_sentiment"), r.text("ai_sentiment")),
                    r.text("ai_sentiment"),
                    ReviewState.valueOf(r.text("state")),
                    r.number("corrected") != 0,
                    (int) r.number("yes"),
                    (int) r.number("no"),
                    flags(r.text("flags"))),
            pageArgs.toArray());
    return new QueuePage(rows, (int) total, q.page(), q.pageSize());
  }

  /** The entry's faithfulness flags, one per line, or null when there are none. */
  private static @Nullable String flags(@Nullable String json) {
    try {
      List<String> list = json == null ? List.of() : JSON.readValue(json, STRINGS);
      return list.isEmpty() ? null : String.join("\n", list);
    } catch (JsonProcessingException e) {
      return json;
    }
  }

  @Override
  public List<String> sources() {
    return db.list(
        "list sources",
        "SELECT DISTINCT source FROM entries ORDER BY source",
        r -> r.text("source"));
  }

  // --- corrections and audit -------------------------------------------------------------------

  @Override
  public Map<String, Correction> corrections() {
    Map<String, Correction> out = new HashMap<>();
    for (Correction c :
        db.list("read corrections", "SELECT * FROM desk_corrections", JdbcDeskStore::correction)) {
      out.put(c.entryId(), c);
    }
    return out;
  }

  @Override
  public Optional<Correction> correction(String entryId) {
    return db.first(
        "read corrections of " + entryId,
        "SELECT * FROM desk_corrections WHERE entry_id = ?",
        JdbcDeskStore::correction,
        entryId);
  }

  @Override
  public SaveResult save(String entryId, long baseVersion, Edit edit, Edit ai, String actor) {
    return db.inTransaction(
        "save corrections of " + entryId,
        () -> {
          Optional<Correction> current = correction(entryId);
          long version = current.map(Correction::version).orElse(0L);
          if (version != baseVersion) {
            return refused(entryId, baseVersion);
          }
          Edit shown = shown(current.orElse(null), ai);
          Map<String, @Nullable String[]> changes = new LinkedHashMap<>();
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
          String now = text(Instant.now());
          // the version guard is in the statement too: a concurrent save that committed between
          // the read above and this write leaves this one refused, not overwriting it
          int written =
              db.update(
                  "save corrections of " + entryId,
                  "INSERT INTO desk_corrections (entry_id, summary, editors_note, sentiment,"
                      + " category, topics, version, updated_by, updated_at)"
                      + " VALUES (?,?,?,?,?,?,?,?,?)"
                      + " ON CONFLICT (entry_id) DO UPDATE SET summary = excluded.summary,"
                      + " editors_note = excluded.editors_note, sentiment = excluded.sentiment,"
                      + " category = excluded.category, topics = excluded.topics,"
                      + " version = excluded.version, updated_by = excluded.updated_by,"
                      + " updated_at = excluded.updated_at"
                      + " WHERE desk_corrections.version = ?",
                  entryId,
                  differs(edit.summary(), ai.summary()),
                  differs(edit.editorsNote(), ai.editorsNote()),
                  label(differs(edit.sentiment(), ai.sentiment())),
                  differs(edit.category(), ai.category()),
                  json(differs(edit.topics(), ai.topics())),
                  next,
                  actor,
                  now,
                  baseVersion);
          if (written == 0) {
            return refused(entryId, baseVersion);
          }
          changes.forEach(
              (field, values) -> audit(entryId, actor, now, field, values[0], values[1], next));
          db.update(
              "release the lock on " + entryId,
              "DELETE FROM desk_locks WHERE entry_id = ? AND holder = ?",
              entryId,
              actor);
          return new SaveResult(true, next, List.of());
        });
  }

  private SaveResult refused(String entryId, long baseVersion) {
    long version = correction(entryId).map(Correction::version).orElse(0L);
    List<AuditRecord> newer =
        audit(entryId).stream().filter(a -> a.version() > baseVersion).toList();
    return new SaveResult(false, version, newer);
  }

  /** What readers see now: the corrections over the analyzer's values. */
  private static Edit shown(@Nullable Correction c, Edit ai) {
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

  private static <T> @Nullable T differs(@Nullable T edited, @Nullable T ai) {
    return Objects.equals(edited, ai) ? null : edited;
  }

  private static void diff(
      Map<String, @Nullable String[]> changes,
      String field,
      @Nullable String old,
      @Nullable String now) {
    if (!Objects.equals(old, now)) {
      changes.put(field, new String[] {old, now});
    }
  }

  private static @Nullable String label(@Nullable Sentiment s) {
    return s == null ? null : s.label();
  }

  @Override
  public List<AuditRecord> audit(String entryId) {
    return db.list(
        "read the audit of " + entryId,
        "SELECT * FROM desk_audit WHERE entry_id = ? ORDER BY id",
        r ->
            new AuditRecord(
                r.text("entry_id"),
                r.text("actor"),
                Instant.parse(r.text("at")),
                r.text("field"),
                r.text("old_value"),
                r.text("new_value"),
                r.number("version")),
        entryId);
  }

  private void audit(
      String entryId,
      String actor,
      String at,
      String field,
      @Nullable String old,
      @Nullable String now,
      long version) {
    db.update(
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

  private static Correction correction(Db.Row r) throws SQLException {
    String sentiment = r.text("sentiment");
    String topics = r.text("topics");
    try {
      return new Correction(
          r.text("entry_id"),
          r.text("summary"),
          r.text("editors_note"),
          sentiment == null ? null : Sentiment.fromLabel(sentiment),
          r.text("category"),
          topics == null ? null : JSON.readValue(topics, STRINGS),
          r.number("version"),
          r.text("updated_by"),
          Instant.parse(r.text("updated_at")));
    } catch (JsonProcessingException e) {
      throw new SQLException("unreadable topics of " + r.text("entry_id"), e);
    }
  }

  private static @Nullable String json(@Nullable List<String> list) {
    try {
      return list == null ? null : JSON.writeValueAsString(list);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  // --- locks -----------------------------------------------------------------------------------

  @Override
  public EditLock lock(String entryId, String user, Duration inactivity) {
    return db.inTransaction(
        "lock " + entryId,
        () -> {
          Optional<EditLock> held = currentLock(entryId, inactivity);
          if (held.isPresent() && !held.get().holder().equals(user)) {
            return held.get();
          }
          Instant now = Instant.now();
          // taken over only when it is this user's or has lapsed, checked in the write too
          db.update(
              "lock " + entryId,
              "INSERT INTO desk_locks (entry_id, holder, since, touched_at) VALUES (?,?,?,?)"
                  + " ON CONFLICT (entry_id) DO UPDATE SET holder = excluded.holder,"
                  + " since = CASE WHEN desk_locks.holder = excluded.holder"
                  + " THEN desk_locks.since ELSE excluded.since END,"
                  + " touched_at = excluded.touched_at"
                  + " WHERE desk_locks.holder = excluded.holder OR desk_locks.touched_at <= ?",
              entryId,
              user,
              text(now),
              text(now),
              text(now.minus(inactivity)));
          return lockRow(entryId).orElseThrow();
        });
  }

  @Override
  public Optional<EditLock> currentLock(String entryId, Duration inactivity) {
    Instant cutoff = Instant.now().minus(inactivity);
    return lockRow(entryId).filter(l -> l.touchedAt().isAfter(cutoff));
  }

  private Optional<EditLock> lockRow(String entryId) {
    return db.first(
        "read the lock on " + entryId,
        "SELECT * FROM desk_locks WHERE entry_id = ?",
        r ->
            new EditLock(
                r.text("entry_id"),
                r.text("holder"),
                Instant.parse(r.text("since")),
                Instant.parse(r.text("touched_at"))),
        entryId);
  }

  @Override
  public void unlock(String entryId, @Nullable String user, String actor) {
    db.inTransaction(
        "unlock " + entryId,
        () -> {
          if (user == null) {
            Optional<EditLock> held = lockRow(entryId);
            if (held.isPresent()) {
              db.update(
                  "break the lock on " + entryId,
                  "DELETE FROM desk_locks WHERE entry_id = ?",
                  entryId);
              audit(entryId, actor, text(Instant.now()), "lock", held.get().holder(), "broken", 0);
            }
          } else {
            db.update(
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
  public Outcome vote(
      String entryId, String voter, boolean yes, String addressHash, Instant at, int maxPerHour) {
    return db.inTransaction(
        "record a vote on " + entryId,
        () -> {
          if (db.first(
                  "read a vote",
                  "SELECT 1 AS one FROM desk_votes WHERE entry_id = ? AND voter = ?",
                  r -> 1,
                  entryId,
                  voter)
              .isPresent()) {
            return Outcome.DUPLICATE;
          }
          long recent =
              db.first(
                      "count votes",
                      "SELECT COUNT(*) AS n FROM desk_votes WHERE address_hash = ? AND at > ?",
                      r -> r.number("n"),
                      addressHash,
                      text(at.minus(Duration.ofHours(1))))
                  .orElse(0L);
          if (recent >= maxPerHour) {
            return Outcome.LIMITED;
          }
          int recorded =
              db.update(
                  "record a vote",
                  "INSERT INTO desk_votes (entry_id, voter, vote, address_hash, at)"
                      + " VALUES (?,?,?,?,?) ON CONFLICT (entry_id, voter) DO NOTHING",
                  entryId,
                  voter,
                  yes ? 1 : -1,
                  addressHash,
                  text(at));
          return recorded == 0 ? Outcome.DUPLICATE : Outcome.RECORDED;
        });
  }

  @Override
  public int[] counts(String entryId) {
    return db.first(
            "count votes of " + entryId,
            "SELECT"
                + " COALESCE(SUM(CASE WHEN vote > 0 THEN 1 ELSE 0 END), 0) AS yes,"
                + " COALESCE(SUM(CASE WHEN vote < 0 THEN 1 ELSE 0 END), 0) AS no"
                + " FROM desk_votes WHERE entry_id = ?",
            r -> new int[] {(int) r.number("yes"), (int) r.number("no")},
            entryId)
        .orElse(new int[2]);
  }

  /** Every stored vote as "entry|voter|vote|address hash|at" (for tests and audits). */
  public List<String> rawVotes() {
    return db.list(
        "list votes",
        "SELECT * FROM desk_votes ORDER BY at",
        r ->
            r.text("entry_id")
                + "|"
                + r.text("voter")
                + "|"
                + r.number("vote")
                + "|"
                + r.text("address_hash")
                + "|"
                + r.text("at"));
  }

  @Override
  public String salt() {
    return db.inTransaction(
        "read the salt",
        () -> {
          byte[] b = new byte[32];
          new java.security.SecureRandom().nextBytes(b);
          // the first server to ask makes it; every later one (and a racing one) reads that one
          db.update(
              "save the salt",
              "INSERT INTO desk_secrets (name, value) VALUES ('address_salt', ?)"
                  + " ON CONFLICT (name) DO NOTHING",
              java.util.HexFormat.of().formatHex(b));
          return db.first(
                  "read the salt",
                  "SELECT value FROM desk_secrets WHERE name = 'address_salt'",
                  r -> r.text("value"))
              .orElseThrow();
        });
  }

  @Override
  public int forgetAddresses(Duration retention, Instant now) {
    return db.update(
        "forget addresses",
        "UPDATE desk_votes SET address_hash = NULL WHERE address_hash IS NOT NULL AND at < ?",
        text(now.minus(retention)));
  }
}
