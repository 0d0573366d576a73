package dev.pulse.editorial;

import java.util.Locale;

/** What a desk account may do: editors review and correct; admins also manage locks and runs. */
public enum Role {
  EDITOR,
  ADMIN;

  /** The role named {@code text} (case-insensitive); throws naming the choices otherwise. */
  public static Role parse(String text) {
    try {
      return valueOf(text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown role '" + text + "' (editor, admin)", e);
    }
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
