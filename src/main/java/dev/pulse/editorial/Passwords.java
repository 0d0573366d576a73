package dev.pulse.editorial;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import org.jspecify.annotations.Nullable;

/**
 * Password hashing with Argon2id (password4j), at the OWASP minimum: 19 MiB, 2 passes, 1 lane, a
 * random 16-byte salt per hash. Hashes are PHC strings ({@code $argon2id$v=19$...}) and carry their
 * own parameters, so raising them later still verifies old hashes. Neither passwords nor hashes are
 * ever logged.
 */
public final class Passwords {

  /** Shorter passwords are refused. */
  public static final int MIN_LENGTH = 10;

  private static final Argon2Function ARGON2 =
      Argon2Function.getInstance(19_456, 2, 1, 32, Argon2.ID);

  /** A hash of a password nobody knows, checked for unknown accounts to keep timing even. */
  private static final String DECOY = hash("decoy-password-never-used".toCharArray());

  private Passwords() {}

  /** The Argon2id hash of {@code password}; throws when it is shorter than {@link #MIN_LENGTH}. */
  public static String hash(char[] password) {
    if (password.length < MIN_LENGTH) {
      throw new IllegalArgumentException(
          "the password is too short (at least " + MIN_LENGTH + " characters)");
    }
    return Password.hash(new String(password)).addRandomSalt(16).with(ARGON2).getResult();
  }

  /** Whether {@code password} matches {@code hash}; a null hash (no such account) never matches. */
  public static boolean matches(char[] password, @Nullable String hash) {
    String against = hash == null ? DECOY : hash;
    boolean ok;
    try {
      ok =
          Password.check(new String(password), against)
              .with(Argon2Function.getInstanceFromHash(against));
    } catch (RuntimeException e) {
      ok = false;
    }
    return ok && hash != null;
  }
}
