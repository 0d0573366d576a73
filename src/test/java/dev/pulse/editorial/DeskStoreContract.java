package dev.pulse.editorial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The behaviour every implementation of the desk's persistence roles must have. */
abstract class DeskStoreContract {

  /** A new, empty store. */
  abstract AccountStore accounts();

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
