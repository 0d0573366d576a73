package dev.pulse.editorial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pulse.analyze.Sentiment;
import dev.pulse.store.Entry;
import dev.pulse.store.EntryStore;
import dev.pulse.store.Store;
import dev.pulse.store.TestEntries;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour the desk's persistence roles must have, on every database: each backend (SQLite,
 * PostgreSQL) extends it once, saying how to open a new, empty store.
 */
abstract class DeskStoreContract {

  private final List<Store> opened = new ArrayList<>();
  private JdbcDeskStore desk;

  /** A new, empty store of the backend under test. */
  abstract Store newStore();

  /** The desk's tables of a new, empty store (the same one for the whole test). */
  final JdbcDeskStore desk() {
    if (desk == null) {
      Store s = newStore();
      opened.add(s);
      desk = new JdbcDeskStore(s);
    }
    return desk;
  }

  /** The entries of the store under {@link #desk()}. */
  final EntryStore entries() {
    desk();
    return opened.get(0).entryStore();
  }

  AccountStore accounts() {
    return desk();
  }

  EditorialStore editorial() {
    return desk();
  }

  VoteStore votes() {
    return desk();
  }

  @AfterEach
  final void closeStores() {
    opened.forEach(Store::close);
  }

  static final String ID = "a".repeat(64);
  static final Edit AI =
      new Edit("AI summary.", null, Sentiment.NEUTRAL, "World", List.of("Harbour"));

  @Test
  void reviewStatesStartNewAndEveryChangeIsAudited() {
    EditorialStore s = editorial();
    assertThat(s.reviewState(ID)).isEqualTo(ReviewState.NEW);
    s.setReviewState(ID, ReviewState.APPROVED, "ed");
    s.setReviewState(ID, ReviewState.REJECTED, "ada");
    assertThat(s.reviewStates()).containsEntry(ID, ReviewState.REJECTED);
    assertThat(s.audit(ID))
        .extracting(
            AuditRecord::actor, AuditRecord::field, AuditRecord::oldValue, AuditRecord::newValue)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("ed", "state", "new", "approved"),
            org.assertj.core.groups.Tuple.tuple("ada", "state", "approved", "rejected"));
  }

  @Test
  void aSaveKeepsOnlyTheFieldsThatDifferFromTheAnalyzerAndAuditsEach() {
    EditorialStore s = editorial();
    Edit edit =
        new Edit("Editor summary.", "A note.", Sentiment.NEGATIVE, "World", List.of("Harbour"));
    SaveResult r = s.save(ID, 0, edit, AI, "ed");
    assertThat(r.saved()).isTrue();
    assertThat(r.version()).isEqualTo(1);
    Correction c = s.correction(ID).orElseThrow();
    assertThat(c.summary()).isEqualTo("Editor summary.");
    assertThat(c.sentiment()).isEqualTo(Sentiment.NEGATIVE);
    assertThat(c.category()).isNull();
    assertThat(c.topics()).isNull();
    assertThat(s.audit(ID))
        .extracting(AuditRecord::field)
        .containsExactly("summary", "editors_note", "sentiment");
  }

  @Test
  void aSaveBasedOnAnOlderVersionIsRefusedWithTheOtherChange() {
    EditorialStore s = editorial();
    Edit first =
        new Edit("First editor's summary.", null, Sentiment.NEUTRAL, "World", List.of("Harbour"));
    Edit second =
        new Edit("Second editor's summary.", null, Sentiment.NEUTRAL, "World", List.of("Harbour"));
    assertThat(s.save(ID, 0, first, AI, "ed").saved()).isTrue();
    SaveResult refused = s.save(ID, 0, second, AI, "ada");
    assertThat(refused.saved()).isFalse();
    assertThat(refused.version()).isEqualTo(1);
    assertThat(refused.newer())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.actor()).isEqualTo("ed");
              assertThat(a.newValue()).isEqualTo("First editor's summary.");
            });
    assertThat(s.correction(ID).orElseThrow().summary()).isEqualTo("First editor's summary.");
  }

  @Test
  void softLocksAreSeenByOthersAndLapseAfterInactivity() {
    EditorialStore s = editorial();
    assertThat(s.lock(ID, "ed", java.time.Duration.ofMinutes(10)).holder()).isEqualTo("ed");
    assertThat(s.lock(ID, "ada", java.time.Duration.ofMinutes(10)).holder()).isEqualTo("ed");
    assertThat(s.lock(ID, "ada", java.time.Duration.ZERO).holder()).isEqualTo("ada");
    s.unlock(ID, null, "root");
    assertThat(s.currentLock(ID, java.time.Duration.ofMinutes(10))).isEmpty();
  }

  @Test
  void anAddedAccountIsListedWithItsRoleAndItsHashIsKeptApart() {
    AccountStore s = accounts();
    s.addAccount("ed", Role.EDITOR, "$argon2id$fake-ed");
    s.addAccount("ada", Role.ADMIN, "$argon2id$fake-ada");
    assertThat(s.accounts()).extracting(Account::name).containsExactly("ada", "ed");
    assertThat(s.account("ada"))
        .hasValueSatisfying(a -> assertThat(a.role()).isEqualTo(Role.ADMIN));
    assertThat(s.passwordHash("ed")).hasValue("$argon2id$fake-ed");
  }

  @Test
  void aTakenNameIsRefused() {
    AccountStore s = accounts();
    s.addAccount("ed", Role.EDITOR, "h");
    assertThatThrownBy(() -> s.addAccount("ed", Role.ADMIN, "h2"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("exists");
  }

  @Test
  void aDisabledAccountHasNoUsableHashUntilEnabled() {
    AccountStore s = accounts();
    s.addAccount("ed", Role.EDITOR, "h");
    assertThat(s.setDisabled("ed", true)).isTrue();
    assertThat(s.passwordHash("ed")).isEmpty();
    assertThat(s.account("ed")).hasValueSatisfying(a -> assertThat(a.disabled()).isTrue());
    s.setDisabled("ed", false);
    assertThat(s.passwordHash("ed")).hasValue("h");
  }

  @Test
  void aResetReplacesTheHashAndUnknownNamesReportFalse() {
    AccountStore s = accounts();
    s.addAccount("ed", Role.EDITOR, "old");
    assertThat(s.setPasswordHash("ed", "new")).isTrue();
    assertThat(s.passwordHash("ed")).hasValue("new");
    assertThat(s.setPasswordHash("nobody", "x")).isFalse();
    assertThat(s.setDisabled("nobody", true)).isFalse();
  }

  @Test
  void aSaveOverAConcurrentSaveOfTheSameVersionIsRefused() {
    EditorialStore s = editorial();
    Edit first =
        new Edit("First editor's summary.", null, Sentiment.NEUTRAL, "World", List.of("Harbour"));
    assertThat(s.save(ID, 0, first, AI, "ed").saved()).isTrue();
    Edit again =
        new Edit("Ed's second summary.", null, Sentiment.NEUTRAL, "World", List.of("Harbour"));
    assertThat(s.save(ID, 1, again, AI, "ed").version()).isEqualTo(2);
    assertThat(s.save(ID, 1, first, AI, "ada").saved()).isFalse();
    assertThat(s.correction(ID).orElseThrow().summary()).isEqualTo("Ed's second summary.");
  }

  @Test
  void theQueueFiltersByStateAndShowsCorrectionsOverTheAnalyzer() {
    for (int i = 0; i < 5; i++) {
      entries().upsert(entry(i));
    }
    EditorialStore s = editorial();
    s.setReviewState(entry(1).id(), ReviewState.APPROVED, "ed");
    s.save(
        entry(2).id(),
        0,
        new Edit("Summary 2.", null, Sentiment.NEGATIVE, "Science", List.of("Harbour")),
        new Edit("Summary 2.", null, Sentiment.NEUTRAL, "World", List.of("Harbour")),
        "ed");
    QueuePage page = s.queue(new QueueQuery(null, null, null, ReviewState.NEW, null, null, 1, 2));
    assertThat(page.total()).isEqualTo(4);
    assertThat(page.rows()).extracting(QueueRow::id).containsExactly(entry(4).id(), entry(3).id());
    assertThat(page.rows().get(0).published()).isEqualTo("2026-11-01T08:04:00Z");
    QueueRow corrected =
        s.queue(new QueueQuery(null, "Science", "Negative", null, null, null, 1, 50)).rows().get(0);
    assertThat(corrected.id()).isEqualTo(entry(2).id());
    assertThat(corrected.corrected()).isTrue();
    assertThat(corrected.aiCategory()).isEqualTo("World");
    assertThat(s.sources()).containsExactly("Daily Planet");
  }

  @Test
  void theQueueShowsVoteCountsAndSortsByThem() {
    for (int i = 0; i < 3; i++) {
      entries().upsert(entry(i));
    }
    Instant now = Instant.parse("2026-11-30T12:00:00Z");
    votes().vote(entry(0).id(), "browser-1", true, "a", now, 30);
    votes().vote(entry(0).id(), "browser-2", false, "b", now, 30);
    votes().vote(entry(1).id(), "browser-1", true, "a", now, 30);
    QueuePage newest = editorial().queue(new QueueQuery(null, null, null, null, null, null, 1, 50));
    assertThat(newest.rows())
        .extracting(QueueRow::yes, QueueRow::no)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(0, 0),
            org.assertj.core.groups.Tuple.tuple(1, 0),
            org.assertj.core.groups.Tuple.tuple(1, 1));
    assertThat(
            editorial().queue(new QueueQuery(null, null, null, null, null, "votes", 1, 50)).rows())
        .extracting(QueueRow::id)
        .containsExactly(entry(0).id(), entry(1).id(), entry(2).id());
    assertThat(
            editorial()
                .queue(new QueueQuery(null, null, null, null, null, "helpful", 1, 50))
                .rows()
                .get(0)
                .id())
        .isEqualTo(entry(1).id());
  }

  @Test
  void oneVotePerVoterAndEntryAndAtMostTheLimitPerAddressAnHour() {
    VoteStore v = votes();
    Instant now = Instant.parse("2026-11-30T12:00:00Z");
    assertThat(v.vote(ID, "browser-1", true, "addr", now, 2)).isEqualTo(VoteStore.Outcome.RECORDED);
    assertThat(v.vote(ID, "browser-1", false, "addr", now, 2))
        .isEqualTo(VoteStore.Outcome.DUPLICATE);
    assertThat(v.vote(ID, "browser-2", false, "addr", now.plusSeconds(1), 2))
        .isEqualTo(VoteStore.Outcome.RECORDED);
    assertThat(v.vote(ID, "browser-3", false, "addr", now.plusSeconds(2), 2))
        .isEqualTo(VoteStore.Outcome.LIMITED);
    assertThat(v.vote(ID, "browser-3", false, "addr", now.plus(Duration.ofMinutes(61)), 2))
        .isEqualTo(VoteStore.Outcome.RECORDED);
    assertThat(v.counts(ID)).containsExactly(1, 2);
  }

  @Test
  void addressHashesAreForgottenAfterTheRetentionAndTheSaltStays() {
    VoteStore v = votes();
    Instant then = Instant.parse("2026-10-01T12:00:00Z");
    v.vote(ID, "browser-1", true, "addr", then, 30);
    v.vote(ID, "browser-2", true, "addr", then.plus(Duration.ofDays(29)), 30);
    assertThat(v.forgetAddresses(Duration.ofDays(30), then.plus(Duration.ofDays(31)))).isEqualTo(1);
    assertThat(desk().rawVotes()).filteredOn(r -> r.contains("|null|")).hasSize(1);
    assertThat(v.salt()).hasSize(64).isEqualTo(v.salt());
  }

  static Entry entry(int i) {
    return TestEntries.entry(i, "Story " + i);
  }
}
