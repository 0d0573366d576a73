package dev.pulse.retry;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/**
 * Reads a Retry-After header: delay seconds (a decimal fraction tolerated, as some APIs send) or an
 * HTTP date. Pure. Shared by the fetcher and the LLM analyzer.
 */
public final class RetryAfter {

  private RetryAfter() {}

  /** The wait asked for (zero if the date is past), or null when absent or unreadable. */
  public static @Nullable Duration parse(@Nullable String header, Instant now) {
    if (header == null || header.isBlank()) {
      return null;
    }
    String h = header.strip();
    if (h.chars().allMatch(Character::isDigit)) {
      try {
        return Duration.ofSeconds(Long.parseLong(h));
      } catch (NumberFormatException tooBig) {
        return null;
      }
    }
    if (h.matches("\\d{1,9}\\.\\d+")) {
      return Duration.ofMillis(Math.round(Double.parseDouble(h) * 1000));
    }
    try {
      Instant at = ZonedDateTime.parse(h, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      return at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO;
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
