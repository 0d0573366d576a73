package dev.pulse.store;

import dev.pulse.config.ConfigException;
import java.nio.file.Path;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Where a store is, from the one {@code store:} setting (or {@code --db}): a SQLite file ({@code
 * data/pulse.db}, {@code jdbc:sqlite:data/pulse.db}) or a PostgreSQL database ({@code
 * postgresql://host:5432/pulse}, {@code jdbc:postgresql://host:5432/pulse}). Credentials never come
 * from here: they come from the environment ({@link Stores}).
 *
 * @param dialect which database
 * @param jdbcUrl the JDBC URL
 * @param file the SQLite file, or null for PostgreSQL
 */
public record StoreLocation(Dialect dialect, String jdbcUrl, @Nullable Path file) {

  /** Parses the setting; a password in it is refused. */
  public static StoreLocation parse(String setting) {
    String s = setting.strip();
    String lower = s.toLowerCase(Locale.ROOT);
    if (lower.startsWith("jdbc:sqlite:")) {
      return sqlite(Path.of(s.substring("jdbc:sqlite:".length())));
    }
    String url;
    if (lower.startsWith("postgresql://") || lower.startsWith("postgres://")) {
      url = "jdbc:postgresql://" + s.substring(s.indexOf("://") + 3);
    } else if (lower.startsWith("jdbc:postgresql:")) {
      url = s;
    } else if (lower.matches("^[a-z][a-z0-9+.-]*://.*") || lower.startsWith("jdbc:")) {
      throw new ConfigException(
          "unsupported store '"
              + redacted(s)
              + "': use a SQLite file or postgresql://host:5432/db");
    } else {
      return sqlite(Path.of(s));
    }
    String rest = url.substring("jdbc:postgresql://".length());
    int slash = rest.indexOf('/');
    String authority = slash < 0 ? rest : rest.substring(0, slash);
    if (authority.contains("@") || lower.contains("password=")) {
      throw new ConfigException(
          "the store URL must not hold credentials: set PULSE_STORE_USER and PULSE_STORE_PASSWORD"
              + " (or PGUSER and PGPASSWORD) in the environment");
    }
    return new StoreLocation(Dialect.POSTGRESQL, url, null);
  }

  /** A SQLite file. */
  public static StoreLocation sqlite(Path file) {
    return new StoreLocation(Dialect.SQLITE, "jdbc:sqlite:" + file.toAbsolutePath(), file);
  }

  public boolean isSqlite() {
    return dialect == Dialect.SQLITE;
  }

  /** For messages: the file, or the URL (which holds no credentials). */
  @Override
  public String toString() {
    return file != null ? file.toString() : jdbcUrl;
  }

  private static String redacted(String s) {
    return s.replaceAll("//[^/@]*@", "//***@").replaceAll("(?i)password=[^&]*", "password=***");
  }
}
