package dev.pulse.editorial;

import java.util.List;
import java.util.Optional;

/** The persistence role of desk accounts. Thread-safe. Hashes are PHC strings from {@link Passwords}. */
public interface AccountStore {

  /** Adds an account; throws {@link IllegalArgumentException} when the name is taken. */
  void addAccount(String name, Role role, String passwordHash);

  Optional<Account> account(String name);

  /** The account's password hash, present only for an enabled account. */
  Optional<String> passwordHash(String name);

  /** All accounts by name. */
  List<Account> accounts();

  /** Disables or enables an account; false when there is no such account. */
  boolean setDisabled(String name, boolean disabled);

  /** Replaces an account's password hash; false when there is no such account. */
  boolean setPasswordHash(String name, String passwordHash);
}
