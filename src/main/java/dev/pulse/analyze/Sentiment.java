package dev.pulse.analyze;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** The tone of a piece of news. Shown to readers by its label. */
public enum Sentiment {
  POSITIVE("Positive"),
  NEUTRAL("Neutral"),
  NEGATIVE("Negative");

  private final String label;

  Sentiment(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** Parses a label case-insensitively ("positive", "Positive"); throws on anything else. */
  public static Sentiment fromLabel(@Nullable String text) {
    if (text != null) {
      String t = text.trim().toUpperCase(Locale.ROOT);
      for (Sentiment s : values()) {
        if (s.name().equals(t)) {
          return s;
        }
      }
    }
    throw new IllegalArgumentException("not a sentiment (Positive, Neutral, Negative): " + text);
  }
}
