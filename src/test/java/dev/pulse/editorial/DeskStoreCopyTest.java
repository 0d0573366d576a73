package dev.pulse.editorial;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.analyze.Sentiment;
import dev.pulse.store.Store;
import dev.pulse.store.StoreCopy;
import dev.pulse.store.TestEntries;
import dev.pulse.store.TestStores;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Moving a team's SQLite store to PostgreSQL brings the desk's work along. */
class DeskStoreCopyTest {

  @TempDir Path dir;

  @Test
  void accountsReviewsCorrectionsAuditAndVotesCopyToPostgresql() {
    try (Store sqlite = TestStores.sqlite(dir);
        Store postgres = TestStores.postgres()) {
      sqlite.entryStore().upsert(TestEntries.entry(1, "Story 1"));
      String id = TestEntries.entry(1, "").id();
      JdbcDeskStore from = new JdbcDeskStore(sqlite);
      from.addAccount("ed", Role.EDITOR, "$argon2id$fake");
      from.setReviewState(id, ReviewState.APPROVED, "ed");
      Edit ai = new Edit("Summary 1.", null, Sentiment.NEUTRAL, "World", List.of("Harbour"));
      from.save(
          id,
          0,
          new Edit("Better.", null, Sentiment.NEGATIVE, "World", List.of("Harbour")),
          ai,
          "ed");
      from.vote(id, "browser-1", true, "addr", Instant.parse("2026-11-30T12:00:00Z"), 30);
      String salt = from.salt();

      StoreCopy.copy(sqlite, postgres);
      StoreCopy.copy(sqlite, postgres);

      JdbcDeskStore to = new JdbcDeskStore(postgres);
      assertThat(to.accounts()).isEqualTo(from.accounts());
      assertThat(to.passwordHash("ed")).hasValue("$argon2id$fake");
      assertThat(to.reviewStates()).isEqualTo(from.reviewStates());
      assertThat(to.corrections()).isEqualTo(from.corrections());
      assertThat(to.audit(id)).isEqualTo(from.audit(id));
      assertThat(to.counts(id)).containsExactly(1, 0);
      assertThat(to.salt()).isEqualTo(salt);
      // the audit trail goes on numbering after the copied rows
      to.setReviewState(id, ReviewState.REJECTED, "ed");
      assertThat(to.audit(id)).hasSize(from.audit(id).size() + 1);
    }
  }
}
