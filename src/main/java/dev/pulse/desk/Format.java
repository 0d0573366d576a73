package dev.pulse.desk;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Times as the desk shows them, in the configured zone. */
final class Format {

  private static final DateTimeFormatter SHORT =
      DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH);

  private final ZoneId zone;

  Format(ZoneId zone) {
    this.zone = zone;
  }

  String time(@Nullable Instant t) {
    return t == null ? "" : SHORT.format(t.atZone(zone));
  }

  /** An ISO-8601 instant or offset date-time from the store; shown as is when unreadable. */
  String time(@Nullable String iso) {
    if (iso == null) {
      return "";
    }
    try {
      return time(java.time.OffsetDateTime.parse(iso).toInstant());
    } catch (DateTimeParseException e) {
      try {
        return time(Instant.parse(iso));
      } catch (DateTimeParseException e2) {
        return iso;
      }
    }
  }
}
