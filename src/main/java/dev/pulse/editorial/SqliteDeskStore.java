package dev.pulse.editorial;

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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The desk's tables (accounts, reviews, corrections, audit, locks, votes) in the same SQLite file
 * as the entries, on a connection of its own. It never writes the {@code entries} table: the
 * analyzer's output and the editors' work stay apart.
 */
public final class SqliteDeskStore implements AccountStore, AutoCloseable {

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
        name, role.name(), passwordHash, now, now);
  }

  @Override
  public synchronized Optional<Account> account(String name) {
    return queryOne("read account " + name, "SELECT * FROM desk_users WHERE name = ?",
        SqliteDeskStore::account, name);
  }

  @Override
  public synchronized Optional<String> passwordHash(String name) {
    return queryOne("read account " + name,
        "SELECT password_hash FROM desk_users WHERE name = ? AND disabled = 0",
        rs -> rs.getString(1), name);
  }

  @Override
  public synchronized List<Account> accounts() {
    return query("list accounts", "SELECT * FROM desk_users ORDER BY name",
        SqliteDeskStore::account);
  }

  @Override
  public synchronized boolean setDisabled(String name, boolean disabled) {
    return update("disable account " + name,
        "UPDATE desk_users SET disabled = ?, updated_at = ? WHERE name = ?",
        disabled ? 1 : 0, Instant.now().toString(), name) > 0;
  }

  @Override
  public synchronized boolean setPasswordHash(String name, String passwordHash) {
    return update("reset account " + name,
        "UPDATE desk_users SET password_hash = ?, updated_at = ? WHERE name = ?",
        passwordHash, Instant.now().toString(), name) > 0;
  }

  /**
   * A cheap marker of what the public site shows: it changes whenever an entry is stored or an
   * editor changes anything (every editorial change is audited).
   */
  public synchronized String publishedSignature() {
    return queryOne("read the store's state",
        "SELECT (SELECT COUNT(*) FROM entries) || '/' || COALESCE((SELECT MAX(updated_at) FROM"
            + " entries), '') || '/' || COALESCE((SELECT MAX(id) FROM desk_audit), 0)",
        rs -> rs.getString(1)).orElse("");
  }

  private static Account account(ResultSet rs) throws SQLException {
    return new Account(rs.getString("name"), Role.valueOf(rs.getString("role")),
        rs.getInt("disabled") != 0, Instant.parse(rs.getString("created_at")));
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
