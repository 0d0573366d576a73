package dev.pulse.editorial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PasswordsTest {

  @Test
  void aHashIsSaltedArgon2idAndVerifiesOnlyItsPassword() {
    String a = Passwords.hash("correct horse battery".toCharArray());
    String b = Passwords.hash("correct horse battery".toCharArray());
    assertThat(a).startsWith("$argon2id$").isNotEqualTo(b).doesNotContain("correct");
    assertThat(Passwords.matches("correct horse battery".toCharArray(), a)).isTrue();
    assertThat(Passwords.matches("correct horse battery!".toCharArray(), a)).isFalse();
  }

  @Test
  void noHashNeverMatches() {
    assertThat(Passwords.matches("decoy-password-never-used".toCharArray(), null)).isFalse();
    assertThat(Passwords.matches("anything at all".toCharArray(), "not a hash")).isFalse();
  }

  @Test
  void shortPasswordsAreRefused() {
    assertThatThrownBy(() -> Passwords.hash("short".toCharArray()))
        .hasMessageContaining("too short");
  }
}
