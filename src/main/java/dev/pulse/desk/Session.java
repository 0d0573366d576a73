package dev.pulse.desk;

import dev.pulse.editorial.Role;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One browser's session: anonymous until login (it then carries only the CSRF token of the login
 * form), then an account's. Replaced, never promoted, at login: the id changes.
 */
final class Session {

  final String id;
  final String csrf;
  final @Nullable String user;
  final @Nullable Role role;
  final Instant created;
  volatile Instant lastSeen;

  Session(String id, String csrf, @Nullable String user, @Nullable Role role, Instant created) {
    this.id = id;
    this.csrf = csrf;
    this.user = user;
    this.role = role;
    this.created = created;
    this.lastSeen = created;
  }

  boolean authenticated() {
    return user != null;
  }

  boolean admin() {
    return role == Role.ADMIN;
  }
}
