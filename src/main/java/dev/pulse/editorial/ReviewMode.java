package dev.pulse.editorial;

import java.util.Locale;

/**
 * The config's {@code review:}: whether the public site and feeds wait for an editor.
 * {@code REQUIRED} shows approved entries only; {@code OPTIONAL} (the default) everything not
 * rejected.
 */
public enum ReviewMode {
  OPTIONAL,
  REQUIRED;

  public static ReviewMode parse(String text) {
    if (text == null || text.isBlank()) {
      return OPTIONAL;
    }
    try {
      return valueOf(text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("review: unknown mode '" + text
          + "' (required, optional)", e);
    }
  }

  /** Whether an entry in {@code state} is published under this mode. */
  public boolean publishes(ReviewState state) {
    return this == REQUIRED ? state == ReviewState.APPROVED : state != ReviewState.REJECTED;
  }
}
