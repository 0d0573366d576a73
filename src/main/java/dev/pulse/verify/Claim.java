package dev.pulse.verify;

import java.util.Locale;
import java.util.Objects;

/**
 * A checkable statement found in generated text: a figure, a date, a quotation or a name.
 *
 * @param kind what sort of claim
 * @param text the claim as written in the generated text
 */
public record Claim(Kind kind, String text) {

  /** The sorts of claims the check looks for. */
  public enum Kind {
    NUMBER,
    DATE,
    QUOTE,
    NAME;

    String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public Claim {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(text, "text");
  }

  /** The flag recorded on an entry when the article does not support this claim. */
  public String flag() {
    return "unsupported " + kind.label() + " \"" + text + "\"";
  }
}
