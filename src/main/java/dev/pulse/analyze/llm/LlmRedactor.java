package dev.pulse.analyze.llm;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Removes secrets from text bound for logs and exceptions: the configured API key wherever it
 * appears, and anything shaped like an OpenAI key ({@code sk-...}, including the masked echo
 * "sk-proj-****abcd" that OpenAI puts in its 401 messages).
 */
final class LlmRedactor {

  static final String MASK = "[redacted]";
  private static final Pattern KEY_SHAPED = Pattern.compile("sk-[A-Za-z0-9_*\\-]{4,}");

  private final @Nullable String key;

  LlmRedactor(@Nullable String key) {
    this.key = key == null || key.isBlank() ? null : key;
  }

  @Nullable String redact(@Nullable String text) {
    if (text == null) {
      return null;
    }
    String s = key == null ? text : text.replace(key, MASK);
    return KEY_SHAPED.matcher(s).replaceAll(MASK);
  }

  /** Redacted and cut to {@code max} characters, for one-line messages. */
  String brief(@Nullable String text, int max) {
    String s = redact(text);
    if (s == null) {
      return "";
    }
    s = s.replaceAll("\\s+", " ").strip();
    return s.length() <= max ? s : s.substring(0, max) + "...";
  }
}
