package dev.pulse.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Both dialects reach the same schema versions: every migration from V6 on exists for SQLite and
 * for PostgreSQL (db/migration/sqlite and db/migration/postgresql), and none lies outside them.
 */
class MigrationsTest {

  @TempDir Path dir;

  @Test
  void everyMigrationFromV6OnExistsForBothDialects() {
    try (Store sqlite = TestStores.sqlite(dir);
        Store postgres = TestStores.postgres()) {
      assertThat(versions(postgres)).isEqualTo(versions(sqlite)).contains(6);
    }
  }

  @Test
  void noMigrationLiesOutsideTheDialectFolders() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"))) {
      List<String> loose = files.filter(Files::isRegularFile).map(Path::toString).toList();
      assertThat(loose)
          .as("move these into db/migration/sqlite and db/migration/postgresql")
          .isEmpty();
    }
  }

  private static Set<Integer> versions(Store store) {
    return new TreeSet<>(
        ((JdbcStore) store)
                .db()
                .list(
                    "list migrations",
                    "SELECT version FROM flyway_schema_history WHERE success AND version IS NOT NULL",
                    r -> Integer.parseInt(r.text("version").split("\\.")[0]))
                .stream()
                .filter(v -> v >= 6)
                .toList());
  }
}
