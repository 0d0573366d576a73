package dev.pulse.editorial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pulse.analyze.Sentiment;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The behaviour every implementation of the desk's persistence roles must have. */
abstract class DeskStoreContract {

  /** A new, empty store. */
  abstract AccountStore accounts();

  /** A new, empty store. */
  abstract EditorialStore editorial();

  static final String ID = "a".repeat(64);
  static final Edit AI = new Edit("AI summary.", null, Sentiment.NEUTRAL, "World", List.of("Harbour"));

  @Test
  void reviewStatesStartNewAndEveryChangeIsAudited() {
    EditorialStore s = editorial();
    assertThat(s.reviewState(ID)).isEqualTo(ReviewState.NEW);
    s.setReviewState(ID, ReviewState.APPROVED, "ed");
    s.setReviewState(ID, ReviewState.REJECTED, "ada");
    assertThat(s.reviewStates()).containsEntry(ID, ReviewState.REJECTED);
    assertThat(s.audit(ID)).extracting(AuditRecord::actor, AuditRecord::field,
        AuditRecord::oldValue, AuditRecord::newValue).containsExactly(
            org.assertj.core.groups.Tuple.tuple("ed", "state", "new", "approved"),
            org.assertj.core.groups.Tuple.tuple("ada", "state", "approved", "rejected"));
  }

  @Test
  void aSaveKeepsOnlyTheFieldsThatDifferFromTheAnalyzerAndAuditsEach() {
    EditorialStore s = editorial();
    Edit edit = new Edit("Editor summary.", "A note.", Sentiment.NEGATIVE, "World",
        List.of("Harbour"));
    SaveResult r = s.save(ID, 0, edit, AI, "ed");
    assertThat(r.saved()).isTrue();
    assertThat(r.version()).isEqualTo(1);
    Correction c = s.correction(ID).orElseThrow();
    assertThat(c.summary()).isEqualTo("Editor summary.");
    assertThat(c.sentiment()).isEqualTo(Sentiment.NEGATIVE);
    assertThat(c.category()).isNull();
    assertThat(c.topics()).isNull();
    assertThat(s.audit(ID)).extracting(AuditRecord::field)
        .containsExactly("summary", "editors_note", "sentiment");
  }

  @Test
  void aSaveBasedOnAnOlderVersionIsRefusedWithTheOtherChange() {
    EditorialStore s = editorial();
    Edit first = new Edit("First editor's summary.", null, Sentiment.NEUTRAL, "World",
        List.of("Harbour"));
    Edit second = new Edit("Second editor's summary.", null, Sentiment.NEUTRAL, "World",
        List.of("Harbour"));
    assertThat(s.save(ID, 0, first, AI, "ed").saved()).isTrue();
    SaveResult refused = s.save(ID, 0, second, AI, "ada");
    assertThat(refused.saved()).isFalse();
    assertThat(refused.version()).isEqualTo(1);
    assertThat(refused.newer()).singleElement().satisfies(a -> {
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
    assertThat(s.account("ada")).hasValueSatisfying(a -> assertThat(a.role()).isEqualTo(Role.ADMIN));
    assertThat(s.passwordHash("ed")).hasValue("$argon2id$fake-ed");
  }

  @Test
  void aTakenNameIsRefused() {
    AccountStore s = accounts();
    s.addAccount("ed", Role.EDITOR, "h");
    assertThatThrownBy(() -> s.addAccount("ed", Role.ADMIN, "h2"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exists");
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
}
