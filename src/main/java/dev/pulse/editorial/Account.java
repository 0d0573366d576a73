package dev.pulse.editorial;

import java.time.Instant;
import java.util.Objects;

/**
 * A desk account, without its password hash (which never leaves {@link AccountStore}).
 *
 * @param name the login name: 1-64 letters, digits, dots, dashes or underscores
 * @param role what the account may do
 * @param disabled a disabled account cannot log in
 * @param createdAt when the account was added
 */
public record Account(String name, Role role, boolean disabled, Instant createdAt) {

  public Account {
    checkName(name);
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(createdAt, "createdAt");
  }

  /** Throws when {@code name} is not a valid account name. */
  public static String checkName(String name) {
    if (name == null || !name.matches("[A-Za-z0-9._-]{1,64}")) {
      throw new IllegalArgumentException(
          "invalid account name (1-64 letters, digits, '.', '-' or '_'): " + name);
    }
    return name;
  }
}
