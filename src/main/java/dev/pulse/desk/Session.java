package dev.pulse.desk;

import dev.pulse.editorial.Role;
import java.time.Instant;

/**
 * One browser's session: anonymous until login (it then carries only the CSRF token of the login
 * form), then an account's. Replaced, never promoted, at login: the id changes.
 */
final class Session {

  final String id;
  final String csrf;
  final String user;
  final Role role;
  final Instant created;
  volatile Instant lastSeen;

  Session(String id, String csrf, String user, Role role, Instant created) {
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
