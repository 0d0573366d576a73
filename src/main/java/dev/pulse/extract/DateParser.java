package dev.pulse.extract;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Parses the date formats pages put in metadata: ISO 8601 with or without offset or seconds, RFC
 * 1123, compact {@code yyyyMMdd}, epoch seconds or milliseconds. Times without an offset are taken
 * as UTC; a date alone as midnight UTC.
 */
final class DateParser {

  private static final DateTimeFormatter LOCAL_ISO =
      new DateTimeFormatterBuilder()
          .parseCaseInsensitive()
          .append(DateTimeFormatter.ISO_LOCAL_DATE)
          .optionalStart()
          .appendLiteral('T')
          .optionalEnd()
          .optionalStart()
          .appendLiteral(' ')
          .optionalEnd()
          .appendValue(ChronoField.HOUR_OF_DAY, 2)
          .appendLiteral(':')
          .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
          .optionalStart()
          .appendLiteral(':')
          .appendValue(ChronoField.SECOND_OF_MINUTE, 2)
          .optionalStart()
          .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
          .optionalEnd()
          .optionalEnd()
          .toFormatter(Locale.ROOT);

  private static final DateTimeFormatter OFFSET_ISO =
      new DateTimeFormatterBuilder()
          .append(LOCAL_ISO)
          .optionalStart()
          .appendLiteral(' ')
          .optionalEnd()
          .appendOffset("+HH:MM:ss", "Z")
          .toFormatter(Locale.ROOT);

  private static final DateTimeFormatter OFFSET_COMPACT =
      new DateTimeFormatterBuilder()
          .append(LOCAL_ISO)
          .optionalStart()
          .appendLiteral(' ')
          .optionalEnd()
          .appendOffset("+HHMM", "Z")
          .toFormatter(Locale.ROOT);

  private static final List<DateTimeFormatter> ZONED =
      List.of(
          DateTimeFormatter.RFC_1123_DATE_TIME,
          DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss z", Locale.ENGLISH),
          DateTimeFormatter.ofPattern("EEE MMM d HH:mm:ss z yyyy", Locale.ENGLISH));

  private static final Pattern ISO_PREFIX =
      Pattern.compile(
          "(\\d{4}-\\d{2}-\\d{2}([T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?"
              + "( ?(Z|[+-]\\d{2}:?\\d{2}))?)?)");
  private static final Pattern COMPACT_DATE = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
  private static final Pattern EPOCH = Pattern.compile("\\d{10}|\\d{13}");

  private static final String MONTHS =
      "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|jun(?:e)?|jul(?:y)?|aug(?:ust)?"
          + "|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";

  /** "March 3, 2025", "Mar. 3 2025". */
  private static final Pattern MONTH_DAY_YEAR =
      Pattern.compile("(?i)\\b" + MONTHS + "\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b");

  /** "3 March 2025", "3rd of March, 2025". */
  private static final Pattern DAY_MONTH_YEAR =
      Pattern.compile(
          "(?i)\\b(\\d{1,2})(?:st|nd|rd|th)?\\.?\\s+(?:of\\s+)?" + MONTHS + ",?\\s+(\\d{4})\\b");

  /** "03.03.2025": dots mean day first wherever they are used. */
  private static final Pattern DOTTED = Pattern.compile("\\b(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})\\b");

  private static final Pattern ISO_DATE = Pattern.compile("\\b(\\d{4})-(\\d{2})-(\\d{2})\\b");

  private DateParser() {}

  /**
   * A date written for readers somewhere in a short text ("Published March 3, 2025", "3 mars" is
   * not understood: English month names, ISO and day-first dotted dates only), at midnight UTC;
   * null when there is none or the text is long (a paragraph that mentions a date is no dateline).
   */
  static @Nullable OffsetDateTime parseVisible(@Nullable String text) {
    if (text == null || text.length() > 120 || !hasYear(text)) {
      return null;
    }
    Matcher m = MONTH_DAY_YEAR.matcher(text);
    if (m.find()) {
      return date(m.group(3), month(m.group(1)), m.group(2));
    }
    m = DAY_MONTH_YEAR.matcher(text);
    if (m.find()) {
      return date(m.group(3), month(m.group(2)), m.group(1));
    }
    m = ISO_DATE.matcher(text);
    if (m.find()) {
      return date(m.group(1), Integer.parseInt(m.group(2)), m.group(3));
    }
    m = DOTTED.matcher(text);
    if (m.find()) {
      return date(m.group(3), Integer.parseInt(m.group(2)), m.group(1));
    }
    return null;
  }

  /** Four digits in a row: every form read here has a year; most short texts do not. */
  private static boolean hasYear(String text) {
    int run = 0;
    for (int i = 0; i < text.length(); i++) {
      run = Character.isDigit(text.charAt(i)) ? run + 1 : 0;
      if (run == 4) {
        return true;
      }
    }
    return false;
  }

  private static int month(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    String[] prefixes = {
      "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"
    };
    for (int i = 0; i < prefixes.length; i++) {
      if (n.startsWith(prefixes[i])) {
        return i + 1;
      }
    }
    return 0;
  }

  private static @Nullable OffsetDateTime date(String year, int month, String day) {
    try {
      OffsetDateTime t =
          LocalDate.of(Integer.parseInt(year), month, Integer.parseInt(day))
              .atStartOfDay()
              .atOffset(ZoneOffset.UTC);
      return t.getYear() < 1990 || t.getYear() > 2200 ? null : t;
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** The date-time in {@code value}, or null when it holds none we understand. */
  static @Nullable OffsetDateTime parse(@Nullable String value) {
    OffsetDateTime t = parseAny(value);
    // Placeholders such as 0001-01-01 or 1970-01-01 say "no date", not a date.
    return t == null || t.getYear() < 1990 || t.getYear() > 2200 ? null : t;
  }

  private static @Nullable OffsetDateTime parseAny(@Nullable String value) {
    if (value == null) {
      return null;
    }
    String s = value.strip();
    if (s.isEmpty() || s.length() > 100) {
      return null;
    }
    if (EPOCH.matcher(s).matches()) {
      long n = Long.parseLong(s);
      long millis = s.length() == 13 ? n : n * 1000;
      return OffsetDateTime.ofInstant(java.time.Instant.ofEpochMilli(millis), ZoneOffset.UTC);
    }
    Matcher iso = ISO_PREFIX.matcher(s);
    if (iso.find()) {
      OffsetDateTime parsed = parseIso(iso.group(1), iso.group(2) != null, iso.group(6));
      if (parsed != null) {
        return parsed;
      }
    }
    Matcher compact = COMPACT_DATE.matcher(s);
    if (compact.matches()) {
      try {
        return LocalDate.of(
                Integer.parseInt(compact.group(1)),
                Integer.parseInt(compact.group(2)),
                Integer.parseInt(compact.group(3)))
            .atStartOfDay()
            .atOffset(ZoneOffset.UTC);
      } catch (RuntimeException e) {
        return null;
      }
    }
    for (DateTimeFormatter f : ZONED) {
      try {
        return ZonedDateTime.parse(s, f).toOffsetDateTime();
      } catch (DateTimeParseException e) {
        // try the next format
      }
    }
    return null;
  }

  /** Picks the one formatter that fits, so that no parse fails by exception on the usual path. */
  private static @Nullable OffsetDateTime parseIso(
      String s, boolean hasTime, @Nullable String offset) {
    try {
      if (offset != null) {
        boolean colon = offset.equals("Z") || offset.indexOf(':') > 0;
        return OffsetDateTime.parse(s, colon ? OFFSET_ISO : OFFSET_COMPACT);
      }
      if (hasTime) {
        return LocalDateTime.parse(s, LOCAL_ISO).atOffset(ZoneOffset.UTC);
      }
      return LocalDate.parse(s.substring(0, 10)).atStartOfDay().atOffset(ZoneOffset.UTC);
    } catch (DateTimeParseException | IndexOutOfBoundsException e) {
      return null;
    }
  }
}
