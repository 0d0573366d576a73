package dev.pulse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pulse.store.TestStores;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pulse store migrate}, {@code pulse store copy} and {@code pulse export} on a store written
 * by the previous release (fixtures/store/store-before-v6.db: published times with mixed offsets).
 */
class StoreCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private Path db;

  @BeforeEach
  void copyFixture() throws Exception {
    db = dir.resolve("pulse.db");
    Files.copy(Path.of("src/test/resources/fixtures/store/store-before-v6.db"), db);
  }

  private record Result(int code, String out, String err) {}

  private static Result pulse(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = PulseCli.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Result(code, out.toString(), err.toString());
  }

  @Test
  void exportRefusesAStoreThatNeedsMigratingAndLeavesItAsItWas() throws Exception {
    byte[] before = Files.readAllBytes(db);
    Result r = pulse("export", "--db", db.toString());
    assertThat(r.code()).isEqualTo(ExitCodes.FATAL);
    assertThat(r.err()).contains("pulse store migrate");
    assertThat(Files.readAllBytes(db)).isEqualTo(before);
  }

  @Test
  void aMigratedStoreExportsItsEntriesNewestFirstWhateverTheirOffsets() throws Exception {
    assertThat(pulse("store", "migrate", "--db", db.toString()).code()).isZero();
    Result r = pulse("export", "--db", db.toString());

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out().lines().map(l -> readId(l)).toList())
        .containsExactly("e5", "e2", "e3", "e1", "e6", "e4");
    assertThat(r.out().lines().map(l -> readPublished(l)).toList())
        .containsExactly(
            "null",
            "2026-11-25T08:30Z",
            "2026-11-25T03:15-05:00",
            "2026-11-25T09:00+01:00",
            "2026-11-24T15:00Z",
            "2026-11-24T23:59:59.500+09:00");
  }

  @Test
  void copyToPostgresqlPrintsTheSameRowsOnBothSidesAndAgainChangesNothing() {
    String pg = TestStores.newPostgresDatabase();
    Result first = pulse("store", "copy", "--from", db.toString(), "--to", pg);
    assertThat(first.code()).as(first.err()).isEqualTo(ExitCodes.FATAL);
    assertThat(first.err()).contains("pulse store migrate");

    pulse("store", "migrate", "--db", db.toString());
    Result copy = pulse("store", "copy", "--from", db.toString(), "--to", pg);
    Result again = pulse("store", "copy", "--from", db.toString(), "--to", pg);

    assertThat(copy.code()).as(copy.err()).isZero();
    assertThat(copy.out())
        .containsPattern("entries\\s+6\\s+6")
        .containsPattern("item_failures\\s+2\\s+2")
        .containsPattern("retry_queue\\s+2\\s+2")
        .containsPattern("entry_vectors\\s+6\\s+6");
    assertThat(again.out()).isEqualTo(copy.out());
    assertThat(copy.out() + copy.err()).doesNotContain("password");
  }

  private static String readId(String line) {
    try {
      return JSON.readTree(line).get("id").asText();
    } catch (Exception e) {
      throw new AssertionError(line, e);
    }
  }

  private static String readPublished(String line) {
    try {
      return JSON.readTree(line).get("published").asText();
    } catch (Exception e) {
      throw new AssertionError(line, e);
    }
  }
}
