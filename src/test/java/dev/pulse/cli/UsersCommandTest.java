package dev.pulse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.editorial.JdbcDeskStore;
import dev.pulse.editorial.Passwords;
import dev.pulse.store.Store;
import dev.pulse.store.Stores;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UsersCommandTest {

  @TempDir Path dir;
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  int run(String stdin, String... args) {
    InputStream before = System.in;
    System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
    try {
      return PulseCli.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    } finally {
      System.setIn(before);
    }
  }

  String db() {
    return dir.resolve("pulse.db").toString();
  }

  @Test
  void addReadsThePasswordFromStdinAndStoresOnlyItsHash() {
    assertThat(run("a long secret pass\n", "users", "add", "ed", "--role", "admin", "--db", db()))
        .isEqualTo(0);
    assertThat(out.toString() + err).doesNotContain("a long secret pass");
    try (Store opened = Stores.sqlite(dir.resolve("pulse.db"))) {
      JdbcDeskStore s = new JdbcDeskStore(opened);
      String hash = s.passwordHash("ed").orElseThrow();
      assertThat(Passwords.matches("a long secret pass".toCharArray(), hash)).isTrue();
    }
    assertThat(run("", "users", "list", "--db", db())).isEqualTo(0);
    assertThat(out.toString()).contains("ed\tadmin\tactive");
  }

  @Test
  void disableAndResetChangeTheAccount() {
    run("a long secret pass\n", "users", "add", "ed", "--db", db());
    assertThat(run("", "users", "disable", "ed", "--db", db())).isEqualTo(0);
    assertThat(run("another long pass\n", "users", "reset", "ed", "--db", db())).isEqualTo(0);
    assertThat(run("", "users", "enable", "ed", "--db", db())).isEqualTo(0);
    try (Store opened = Stores.sqlite(dir.resolve("pulse.db"))) {
      JdbcDeskStore s = new JdbcDeskStore(opened);
      assertThat(
              Passwords.matches(
                  "another long pass".toCharArray(), s.passwordHash("ed").orElseThrow()))
          .isTrue();
    }
  }

  @Test
  void aShortPasswordOrATakenNameIsABadInput() {
    assertThat(run("short\n", "users", "add", "ed", "--db", db())).isEqualTo(3);
    run("a long secret pass\n", "users", "add", "ed", "--db", db());
    assertThat(run("a long secret pass\n", "users", "add", "ed", "--db", db())).isEqualTo(3);
    assertThat(err.toString()).contains("exists already");
  }

  @Test
  void thePasswordIsNeverAnArgument() {
    assertThat(run("", "users", "add", "ed", "--password", "x", "--db", db())).isEqualTo(2);
  }
}
