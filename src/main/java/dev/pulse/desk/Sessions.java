package dev.pulse.desk;

import dev.pulse.editorial.Role;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Sessions in memory (a restart logs everyone out): random 256-bit ids, an idle expiry, a CSRF
 * token per session. Thread-safe.
 */
final class Sessions {

  /** Anonymous sessions only carry a login form's token: they expire sooner and are capped. */
  private static final Duration ANONYMOUS_IDLE = Duration.ofMinutes(15);

  private static final int MAX_SESSIONS = 50_000;

  private final SecureRandom random = new SecureRandom();
  private final Map<String, Session> byId = new ConcurrentHashMap<>();
  private final Duration idle;
  private final Clock clock;

  Sessions(Duration idle, Clock clock) {
    this.idle = idle;
    this.clock = clock;
  }

  /** A new anonymous session. */
  Session anonymous() {
    return put(new Session(token(), token(), null, null, clock.instant()));
  }

  /** The live session with this id, touched; empty when unknown or idle too long. */
  Optional<Session> find(@Nullable String id) {
    if (id == null) {
      return Optional.empty();
    }
    Session s = byId.get(id);
    if (s == null) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    if (expired(s, now)) {
      byId.remove(id);
      return Optional.empty();
    }
    s.lastSeen = now;
    return Optional.of(s);
  }

  /** Ends {@code old} (if any) and starts an account's session under a new id and token. */
  Session login(@Nullable Session old, String user, Role role) {
    if (old != null) {
      byId.remove(old.id);
    }
    return put(new Session(token(), token(), user, role, clock.instant()));
  }

  void end(@Nullable Session s) {
    if (s != null) {
      byId.remove(s.id);
    }
  }

  /** Ends every session of an account (disabled, or its password reset). */
  void endAll(String user) {
    byId.values().removeIf(s -> user.equals(s.user));
  }

  private Session put(Session s) {
    if (byId.size() >= MAX_SESSIONS) {
      Instant now = clock.instant();
      byId.values().removeIf(x -> expired(x, now));
      if (byId.size() >= MAX_SESSIONS) {
        byId.values().removeIf(x -> !x.authenticated());
      }
    }
    byId.put(s.id, s);
    return s;
  }

  private boolean expired(Session s, Instant now) {
    Duration limit = s.authenticated() ? idle : ANONYMOUS_IDLE;
    return s.lastSeen.plus(limit).isBefore(now);
  }

  private String token() {
    byte[] b = new byte[32];
    random.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }
}
