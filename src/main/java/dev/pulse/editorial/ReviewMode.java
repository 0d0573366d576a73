package dev.pulse.editorial;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The config's {@code review:}: whether the public site and feeds wait for an editor. {@code
 * REQUIRED} shows approved entries only; {@code OPTIONAL} (the default) everything not rejected,
 * except that an entry the faithfulness check flagged waits for an editor's approval.
 */
public enum ReviewMode {
  OPTIONAL,
  REQUIRED;

  public static ReviewMode parse(@Nullable String text) {
    if (text == null || text.isBlank()) {
      return OPTIONAL;
    }
    try {
      return valueOf(text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "review: unknown mode '" + text + "' (required, optional)", e);
    }
  }

  /**
   * Whether an entry in {@code state} is published under this mode.
   *
   * @param flagged whether its summary or note has claims the article does not support: such an
   *     entry is held for review in either mode, so it needs an editor's approval
   */
  public boolean publishes(ReviewState state, boolean flagged) {
    if (this == REQUIRED || flagged) {
      return state == ReviewState.APPROVED;
    }
    return state != ReviewState.REJECTED;
  }
}
