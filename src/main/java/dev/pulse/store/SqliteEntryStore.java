package dev.pulse.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pulse.analyze.Sentiment;
import dev.pulse.analyze.Usage;
import dev.pulse.source.DiscoveredItem;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.flywaydb.core.Flyway;

/**
 * {@link EntryStore} on one SQLite file, schema created and migrated by Flyway at open. One
 * connection, serialised: SQLite allows one writer at a time anyway, and a batch run writes far
 * less often than it fetches.
 */
public final class SqliteEntryStore implements EntryStore {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
  private static final TypeReference<Map<String, Integer>> COUNTS = new TypeReference<>() {};

  private final Path file;
  private final Connection connection;

  private SqliteEntryStore(Path file, Connection connection) {
    this.file = file;
    this.connection = connection;
  }

  /** Opens (creating and migrating as needed) the store in {@code file}. */
  public static SqliteEntryStore open(Path file) {
    String url = "jdbc:sqlite:" + file.toAbsolutePath();
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Flyway.configure()
          .dataSource(url, null, null)
          .locations("classpath:db/migration")
          .loggers("slf4j")
          .load()
          .migrate();
      Connection c = DriverManager.getConnection(url);
      try (Statement s = c.createStatement()) {
        s.execute("PRAGMA journal_mode=WAL");
        s.execute("PRAGMA busy_timeout=10000");
        s.execute("PRAGMA foreign_keys=ON");
      }
      return new SqliteEntryStore(file, c);
    } catch (java.nio.file.AccessDeniedException e) {
      throw new StoreException(
          "cannot open store " + file + ": permission denied: " + e.getFile(), e);
    } catch (java.nio.file.FileSystemException e) {
      throw new StoreException(
          "cannot open store " + file + ": " + e.getClass().getSimpleName() + " " + e.getFile(), e);
    } catch (java.io.IOException | SQLException | org.flywaydb.core.api.FlywayException e) {
      throw new StoreException("cannot open store " + file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized void upsert(Entry e) {
    String sql =
        """
        INSERT INTO entries (id, url, source, title, byline, published, site_name, language, image,
          text, summary, editors_note, sentiment, category, topics, analyzer, model, analysis_version,
          extraction_version, fetched_at, analyzed_at, content_hash, llm_calls, tokens_in,
          tokens_out, cost_usd, first_seen_at, updated_at, flags)
        VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)
        ON CONFLICT (id) DO UPDATE SET url=excluded.url, source=excluded.source,
          title=excluded.title, byline=excluded.byline, published=excluded.published,
          site_name=excluded.site_name, language=excluded.language, image=excluded.image,
          text=excluded.text, summary=excluded.summary, editors_note=excluded.editors_note,
          sentiment=excluded.sentiment, category=excluded.category, topics=excluded.topics,
          analyzer=excluded.analyzer, model=excluded.model,
          analysis_version=excluded.analysis_version,
          extraction_version=excluded.extraction_version, fetched_at=excluded.fetched_at,
          analyzed_at=excluded.analyzed_at, content_hash=excluded.content_hash,
          llm_calls=excluded.llm_calls, tokens_in=excluded.tokens_in,
          tokens_out=excluded.tokens_out, cost_usd=excluded.cost_usd,
          updated_at=excluded.updated_at, flags=excluded.flags
        """;
    Provenance p = e.provenance();
    String now = Instant.now().toString();
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      int i = 0;
      ps.setString(++i, e.id());
      ps.setString(++i, e.url());
      ps.setString(++i, e.source());
      ps.setString(++i, e.title());
      ps.setString(++i, e.byline());
      ps.setString(++i, e.published() == null ? null : e.published().toString());
      ps.setString(++i, e.siteName());
      ps.setString(++i, e.language());
      ps.setString(++i, e.image());
      ps.setString(++i, e.text());
      ps.setString(++i, e.summary());
      ps.setString(++i, e.editorsNote());
      ps.setString(++i, e.sentiment().label());
      ps.setString(++i, e.category());
      ps.setString(++i, json(e.topics()));
      ps.setString(++i, p.analyzer());
      ps.setString(++i, p.model());
      ps.setString(++i, p.analysisVersion());
      ps.setString(++i, p.extractionVersion());
      ps.setString(++i, p.fetchedAt().toString());
      ps.setString(++i, p.analyzedAt().toString());
      ps.setString(++i, p.contentHash());
      ps.setInt(++i, p.usage().calls());
      ps.setLong(++i, p.usage().inputTokens());
      ps.setLong(++i, p.usage().outputTokens());
      ps.setDouble(++i, p.usage().costUsd());
      ps.setString(++i, now);
      ps.setString(++i, now);
      ps.setString(++i, json(e.flags()));
      ps.executeUpdate();
    } catch (SQLException ex) {
      throw new StoreException("cannot store entry " + e.id() + " (" + e.url() + "): " + ex, ex);
    }
  }

  @Override
  public synchronized Optional<Entry> find(String id) {
    try (PreparedStatement ps = connection.prepareStatement("SELECT * FROM entries WHERE id = ?")) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(entry(rs)) : Optional.empty();
      }
    } catch (SQLException ex) {
      throw new StoreException("cannot read entry " + id + ": " + ex, ex);
    }
  }

  @Override
  public synchronized List<Entry> entries() {
    String sql =
        "SELECT * FROM entries ORDER BY COALESCE(published, analyzed_at) DESC, analyzed_at DESC, id";
    try (PreparedStatement ps = connection.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      List<Entry> out = new ArrayList<>();
      while (rs.next()) {
        out.add(entry(rs));
      }
      return out;
    } catch (SQLException ex) {
      throw new StoreException("cannot list entries in " + file + ": " + ex, ex);
    }
  }

  @Override
  public synchronized long startRun(String command, String analyzer) {
    String sql = "INSERT INTO runs (command, started_at, analyzer, host, pid) VALUES (?,?,?,?,?)";
    try (PreparedStatement ps = connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
      ps.setString(1, command);
      ps.setString(2, Instant.now().toString());
      ps.setString(3, analyzer);
      ps.setString(4, StoreLock.hostName());
      ps.setLong(5, ProcessHandle.current().pid());
      ps.executeUpdate();
      try (ResultSet keys = ps.getGeneratedKeys()) {
        keys.next();
        return keys.getLong(1);
      }
    } catch (SQLException ex) {
      throw new StoreException("cannot start a run in " + file + ": " + ex, ex);
    }
  }

  @Override
  public synchronized void recordFailure(long runId, ItemFailure f) {
    String sql =
        "INSERT INTO item_failures (run_id, url, stage, reason, message, detail, recorded_at)"
            + " VALUES (?,?,?,?,?,?,?)";
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      ps.setLong(1, runId);
      ps.setString(2, f.url());
      ps.setString(3, f.stage());
      ps.setString(4, f.reason());
      ps.setString(5, f.message());
      ps.setString(6, f.detail());
      ps.setString(7, Instant.now().toString());
      ps.executeUpdate();
    } catch (SQLException ex) {
      throw new StoreException("cannot record failure of " + f.url() + ": " + ex, ex);
    }
  }

  @Override
  public synchronized void finishRun(RunRecord run) {
    String sql =
        "UPDATE runs SET finished_at=?, counts=?, llm_calls=?, tokens_in=?, tokens_out=?,"
            + " cost_usd=?, status=?, analyzer=?, stop_reason=? WHERE id=?";
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      ps.setString(1, (run.finishedAt() == null ? Instant.now() : run.finishedAt()).toString());
      ps.setString(2, json(run.counts()));
      ps.setInt(3, run.usage().calls());
      ps.setLong(4, run.usage().inputTokens());
      ps.setLong(5, run.usage().outputTokens());
      ps.setDouble(6, run.usage().costUsd());
      ps.setString(7, run.status());
      ps.setString(8, run.analyzer());
      ps.setString(9, run.stopReason());
      ps.setLong(10, run.id());
      ps.executeUpdate();
    } catch (SQLException ex) {
      throw new StoreException("cannot finish run " + run.id() + ": " + ex, ex);
    }
  }

  @Override
  public synchronized List<RunRecord> runs() {
    try (PreparedStatement ps = connection.prepareStatement("SELECT * FROM runs ORDER BY id DESC");
        ResultSet rs = ps.executeQuery()) {
      List<RunRecord> out = new ArrayList<>();
      while (rs.next()) {
        String finished = rs.getString("finished_at");
        out.add(
            new RunRecord(
                rs.getLong("id"),
                rs.getString("command"),
                Instant.parse(rs.getString("started_at")),
                finished == null ? null : Instant.parse(finished),
                rs.getString("analyzer"),
                JSON.readValue(rs.getString("counts"), COUNTS),
                new Usage(
                    rs.getInt("llm_calls"),
                    rs.getLong("tokens_in"),
                    rs.getLong("tokens_out"),
                    rs.getDouble("cost_usd")),
                rs.getString("status"),
                rs.getString("stop_reason"),
                rs.getString("host"),
                rs.getLong("pid")));
      }
      return out;
    } catch (SQLException | JsonProcessingException ex) {
      throw new StoreException("cannot list runs in " + file + ": " + ex, ex);
    }
  }

  @Override
  public synchronized List<RunRecord> abandonRuns() {
    List<RunRecord> running = runs().stream().filter(r -> "running".equals(r.status())).toList();
    String sql =
        "UPDATE runs SET status='abandoned', finished_at=?, stop_reason=? WHERE id=? AND"
            + " status='running'";
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      for (RunRecord r : running) {
        ps.setString(1, Instant.now().toString());
        ps.setString(
            2,
            "the run never ended: its process (pid "
                + r.pid()
                + " on "
                + r.host()
                + ") was killed, crashed or could not write the store");
        ps.setLong(3, r.id());
        ps.executeUpdate();
      }
      return running;
    } catch (SQLException ex) {
      throw new StoreException("cannot mark abandoned runs in " + file + ": " + ex, ex);
    }
  }

  @Override
  public synchronized List<ItemFailure> failures(long runId) {
    String sql = "SELECT * FROM item_failures WHERE run_id = ? ORDER BY id";
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      ps.setLong(1, runId);
      try (ResultSet rs = ps.executeQuery()) {
        List<ItemFailure> out = new ArrayList<>();
        while (rs.next()) {
          out.add(
              new ItemFailure(
                  rs.getString("url"),
                  rs.getString("stage"),
                  rs.getString("reason"),
                  rs.getString("message"),
                  rs.getString("detail")));
        }
        return out;
      }
    } catch (SQLException ex) {
      throw new StoreException("cannot list failures of run " + runId + ": " + ex, ex);
    }
  }

  @Override
  public synchronized Optional<Validators> validators(String url) {
    String sql = "SELECT etag, last_modified FROM fetch_state WHERE url = ?";
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      ps.setString(1, url);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next()
            ? Optional.of(new Validators(rs.getString(1), rs.getString(2)))
            : Optional.empty();
      }
    } catch (SQLException ex) {
      throw new StoreException("cannot read fetch state of " + url + ": " + ex, ex);
    }
  }

  @Override
  public synchronized void saveValidators(String url, Validators v) {
    String sql =
        "INSERT INTO fetch_state (url, etag, last_modified, checked_at) VALUES (?,?,?,?)"
            + " ON CONFLICT (url) DO UPDATE SET etag=excluded.etag,"
            + " last_modified=excluded.last_modified, checked_at=excluded.checked_at";
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      ps.setString(1, url);
      ps.setString(2, v.etag());
      ps.setString(3, v.lastModified());
      ps.setString(4, Instant.now().toString());
      ps.executeUpdate();
    } catch (SQLException ex) {
      throw new StoreException("cannot save fetch state of " + url + ": " + ex, ex);
    }
  }

  @Override
  public synchronized Optional<RobotsFile> robots(String origin) {
    String sql = "SELECT body, unavailable, fetched_at FROM robots WHERE origin = ?";
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      ps.setString(1, origin);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next()
            ? Optional.of(
                new RobotsFile(
                    origin, rs.getString(1), rs.getInt(2) != 0, Instant.parse(rs.getString(3))))
            : Optional.empty();
      }
    } catch (SQLException ex) {
      throw new StoreException("cannot read robots.txt of " + origin + ": " + ex, ex);
    }
  }

  @Override
  public synchronized void saveRobots(RobotsFile file) {
    String sql =
        "INSERT INTO robots (origin, body, unavailable, fetched_at) VALUES (?,?,?,?)"
            + " ON CONFLICT (origin) DO UPDATE SET body=excluded.body,"
            + " unavailable=excluded.unavailable, fetched_at=excluded.fetched_at";
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      ps.setString(1, file.origin());
      ps.setString(2, file.body());
      ps.setInt(3, file.unavailable() ? 1 : 0);
      ps.setString(4, file.fetchedAt().toString());
      ps.executeUpdate();
    } catch (SQLException ex) {
      throw new StoreException("cannot save robots.txt of " + file.origin() + ": " + ex, ex);
    }
  }

  @Override
  public synchronized Map<String, float[]> vectors(Collection<Entry> entries, String model) {
    Map<String, String> wanted = new HashMap<>();
    entries.forEach(e -> wanted.put(e.id(), e.provenance().contentHash()));
    Map<String, float[]> out = new HashMap<>();
    String sql = "SELECT id, content_hash, vector FROM entry_vectors WHERE model = ?";
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      ps.setString(1, model);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String id = rs.getString(1);
          if (rs.getString(2).equals(wanted.get(id))) {
            out.put(id, floats(rs.getBytes(3)));
          }
        }
      }
      return out;
    } catch (SQLException ex) {
      throw new StoreException("cannot read vectors in " + file + ": " + ex, ex);
    }
  }

  @Override
  public synchronized void saveVector(Entry entry, String model, float[] vector) {
    String sql =
        "INSERT INTO entry_vectors (id, content_hash, model, vector) VALUES (?,?,?,?)"
            + " ON CONFLICT (id) DO UPDATE SET content_hash=excluded.content_hash,"
            + " model=excluded.model, vector=excluded.vector";
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      ps.setString(1, entry.id());
      ps.setString(2, entry.provenance().contentHash());
      ps.setString(3, model);
      ps.setBytes(4, bytes(vector));
      ps.executeUpdate();
    } catch (SQLException ex) {
      throw new StoreException("cannot save the vector of entry " + entry.id() + ": " + ex, ex);
    }
  }

  private static byte[] bytes(float[] v) {
    ByteBuffer b = ByteBuffer.allocate(v.length * Float.BYTES);
    b.asFloatBuffer().put(v);
    return b.array();
  }

  private static float[] floats(byte[] bytes) {
    float[] v = new float[bytes.length / Float.BYTES];
    ByteBuffer.wrap(bytes).asFloatBuffer().get(v);
    return v;
  }

  @Override
  public synchronized Optional<Entry> findByContentHash(String contentHash) {
    String sql = "SELECT * FROM entries WHERE content_hash = ? ORDER BY first_seen_at, id LIMIT 1";
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      ps.setString(1, contentHash);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(entry(rs)) : Optional.empty();
      }
    } catch (SQLException ex) {
      throw new StoreException("cannot look up content hash " + contentHash + ": " + ex, ex);
    }
  }

  @Override
  public synchronized Optional<Alternate> alternate(String url) {
    String sql = "SELECT url, entry_id, kind FROM alternates WHERE url = ?";
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      ps.setString(1, url);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next()
            ? Optional.of(new Alternate(rs.getString(1), rs.getString(2), rs.getString(3)))
            : Optional.empty();
      }
    } catch (SQLException ex) {
      throw new StoreException("cannot look up alternate " + url + ": " + ex, ex);
    }
  }

  @Override
  public synchronized void addAlternate(Alternate a) {
    String sql =
        "INSERT INTO alternates (url, entry_id, kind, recorded_at) VALUES (?,?,?,?)"
            + " ON CONFLICT (url) DO UPDATE SET entry_id=excluded.entry_id, kind=excluded.kind";
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      ps.setString(1, a.url());
      ps.setString(2, a.entryId());
      ps.setString(3, a.kind());
      ps.setString(4, Instant.now().toString());
      ps.executeUpdate();
    } catch (SQLException ex) {
      throw new StoreException(
          "cannot link " + a.url() + " to entry " + a.entryId() + ": " + ex, ex);
    }
  }

  @Override
  public synchronized List<Alternate> alternates(String entryId) {
    String sql = "SELECT url, entry_id, kind FROM alternates WHERE entry_id = ? ORDER BY url";
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      ps.setString(1, entryId);
      try (ResultSet rs = ps.executeQuery()) {
        List<Alternate> out = new ArrayList<>();
        while (rs.next()) {
          out.add(new Alternate(rs.getString(1), rs.getString(2), rs.getString(3)));
        }
        return out;
      }
    } catch (SQLException ex) {
      throw new StoreException("cannot list alternates of " + entryId + ": " + ex, ex);
    }
  }

  @Override
  public synchronized void saveSimhash(String entryId, long simhash) {
    try (PreparedStatement ps =
        connection.prepareStatement("UPDATE entries SET simhash = ? WHERE id = ?")) {
      ps.setLong(1, simhash);
      ps.setString(2, entryId);
      ps.executeUpdate();
    } catch (SQLException ex) {
      throw new StoreException("cannot save the simhash of " + entryId + ": " + ex, ex);
    }
  }

  @Override
  public synchronized Map<String, Long> simhashes() {
    String sql = "SELECT id, simhash FROM entries WHERE simhash IS NOT NULL";
    try (PreparedStatement ps = connection.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      Map<String, Long> out = new HashMap<>();
      while (rs.next()) {
        out.put(rs.getString(1), rs.getLong(2));
      }
      return out;
    } catch (SQLException ex) {
      throw new StoreException("cannot list simhashes in " + file + ": " + ex, ex);
    }
  }

  @Override
  public synchronized void queueDiscovered(List<DiscoveredItem> items) {
    String sql =
        "INSERT INTO retry_queue (url, source, title, published, category, reason, attempts,"
            + " updated_at) VALUES (?,?,?,?,?,'pending',0,?) ON CONFLICT (url) DO NOTHING";
    try {
      connection.setAutoCommit(false);
      try (PreparedStatement ps = connection.prepareStatement(sql)) {
        String now = Instant.now().toString();
        for (DiscoveredItem item : items) {
          ps.setString(1, item.url());
          ps.setString(2, item.source());
          ps.setString(3, item.title());
          ps.setString(4, item.published() == null ? null : item.published().toString());
          ps.setString(5, item.categoryHint());
          ps.setString(6, now);
          ps.addBatch();
        }
        ps.executeBatch();
        connection.commit();
      } catch (SQLException ex) {
        connection.rollback();
        throw ex;
      } finally {
        connection.setAutoCommit(true);
      }
    } catch (SQLException ex) {
      throw new StoreException(
          "cannot queue " + items.size() + " discovered items in " + file + ": " + ex, ex);
    }
  }

  @Override
  public synchronized void queueRetry(DiscoveredItem item, String reason) {
    String sql =
        "INSERT INTO retry_queue (url, source, title, published, category, reason, attempts,"
            + " updated_at) VALUES (?,?,?,?,?,?,1,?) ON CONFLICT (url) DO UPDATE SET"
            + " reason=excluded.reason, attempts=attempts+1, updated_at=excluded.updated_at";
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      ps.setString(1, item.url());
      ps.setString(2, item.source());
      ps.setString(3, item.title());
      ps.setString(4, item.published() == null ? null : item.published().toString());
      ps.setString(5, item.categoryHint());
      ps.setString(6, reason);
      ps.setString(7, Instant.now().toString());
      ps.executeUpdate();
    } catch (SQLException ex) {
      throw new StoreException("cannot queue " + item.url() + " for retry: " + ex, ex);
    }
  }

  @Override
  public synchronized void deferItem(DiscoveredItem item, String reason) {
    String sql =
        "INSERT INTO retry_queue (url, source, title, published, category, reason, attempts,"
            + " updated_at) VALUES (?,?,?,?,?,?,0,?) ON CONFLICT (url) DO UPDATE SET"
            + " reason=excluded.reason, updated_at=excluded.updated_at";
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      ps.setString(1, item.url());
      ps.setString(2, item.source());
      ps.setString(3, item.title());
      ps.setString(4, item.published() == null ? null : item.published().toString());
      ps.setString(5, item.categoryHint());
      ps.setString(6, reason);
      ps.setString(7, Instant.now().toString());
      ps.executeUpdate();
    } catch (SQLException ex) {
      throw new StoreException("cannot queue " + item.url() + " for the next run: " + ex, ex);
    }
  }

  @Override
  public synchronized void dropRetry(String url) {
    try (PreparedStatement ps =
        connection.prepareStatement("DELETE FROM retry_queue WHERE url = ?")) {
      ps.setString(1, url);
      ps.executeUpdate();
    } catch (SQLException ex) {
      throw new StoreException("cannot drop " + url + " from the retry queue: " + ex, ex);
    }
  }

  @Override
  public synchronized List<DiscoveredItem> retries(int maxAttempts) {
    String sql = "SELECT * FROM retry_queue WHERE attempts < ? ORDER BY updated_at, url";
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      ps.setInt(1, maxAttempts);
      try (ResultSet rs = ps.executeQuery()) {
        List<DiscoveredItem> out = new ArrayList<>();
        while (rs.next()) {
          String published = rs.getString("published");
          out.add(
              new DiscoveredItem(
                  rs.getString("url"),
                  rs.getString("title"),
                  published == null ? null : OffsetDateTime.parse(published),
                  rs.getString("source"),
                  rs.getString("category")));
        }
        return out;
      }
    } catch (SQLException ex) {
      throw new StoreException("cannot read the retry queue in " + file + ": " + ex, ex);
    }
  }

  @Override
  public synchronized void close() {
    try {
      connection.close();
    } catch (SQLException ex) {
      throw new StoreException("cannot close store " + file + ": " + ex, ex);
    }
  }

  private static Entry entry(ResultSet rs) throws SQLException {
    String published = rs.getString("published");
    try {
      return new Entry(
          rs.getString("id"),
          rs.getString("url"),
          rs.getString("source"),
          rs.getString("title"),
          rs.getString("byline"),
          published == null ? null : OffsetDateTime.parse(published),
          rs.getString("site_name"),
          rs.getString("language"),
          rs.getString("image"),
          rs.getString("text"),
          rs.getString("summary"),
          rs.getString("editors_note"),
          Sentiment.fromLabel(rs.getString("sentiment")),
          rs.getString("category"),
          JSON.readValue(rs.getString("topics"), STRINGS),
          new Provenance(
              rs.getString("analyzer"),
              rs.getString("model"),
              rs.getString("analysis_version"),
              rs.getString("extraction_version"),
              Instant.parse(rs.getString("fetched_at")),
              Instant.parse(rs.getString("analyzed_at")),
              rs.getString("content_hash"),
              new Usage(
                  rs.getInt("llm_calls"),
                  rs.getLong("tokens_in"),
                  rs.getLong("tokens_out"),
                  rs.getDouble("cost_usd"))),
          JSON.readValue(rs.getString("flags"), STRINGS));
    } catch (JsonProcessingException ex) {
      throw new SQLException("bad topics or flags JSON in entry " + rs.getString("id"), ex);
    }
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException ex) {
      throw new IllegalStateException(ex);
    }
  }
}
