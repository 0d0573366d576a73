package dev.pulse.editorial;

import java.util.Locale;

/** Where an entry stands in review: every entry starts {@code NEW}. */
public enum ReviewState {
  NEW,
  APPROVED,
  REJECTED;

  public static ReviewState parse(String text) {
    try {
      return valueOf(text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown state '" + text + "' (new, approved, rejected)",
          e);
    }
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
