package dev.pulse.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.retry.Breaker;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One section of the configuration file ({@code fetch:}, {@code llm:}, {@code site:}...) read the
 * one way every section is read: keys checked against the known ones, values typed, durations in
 * one syntax ({@code 500ms}, {@code 10s}, {@code 30m}, {@code 48h}, {@code 7d}, {@code 2w}, or
 * ISO-8601 such as {@code PT48H}), sizes as {@code 5MB}. A wrong key or value is a {@link
 * ConfigException} naming {@code section.key}. A missing or null value gives the fallback. Pure
 * apart from deprecation warnings in the log.
 */
public final class Section {

  private static final Logger log = LoggerFactory.getLogger(Section.class);
  private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|[smhdw])");
  private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(b|kb|mb|gb)?");

  private final String name;
  private final @Nullable JsonNode node;

  private Section(String name, @Nullable JsonNode node) {
    this.name = name;
    this.node = node;
  }

  /**
   * @param name the section's key in the file, used in messages ("fetch")
   * @param node the section, or null or a missing node when the file has none
   * @throws ConfigException when the section is there but is not a mapping
   */
  public static Section of(String name, @Nullable JsonNode node) {
    if (node != null && !node.isMissingNode() && !node.isNull() && !node.isObject()) {
      throw new ConfigException(name + ": expected a mapping of settings");
    }
    return new Section(name, node == null || node.isNull() ? null : node);
  }

  /** Throws {@link ConfigException} naming the first key that is not in {@code known}. */
  public Section requireKnown(Set<String> known) {
    if (node == null) {
      return this;
    }
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!known.contains(key)) {
        throw new ConfigException(
            name
                + "."
                + key
                + " is not a known setting; known: "
                + String.join(", ", new TreeSet<>(known)));
      }
    }
    return this;
  }

  /** Whether the key is set (to anything but null). */
  public boolean has(String key) {
    return value(key) != null;
  }

  /** The raw value, or null when unset. */
  public @Nullable JsonNode node(String key) {
    return value(key);
  }

  /** The value as text, or {@code fallback} when unset (null only when the fallback is). */
  public @Nullable String text(String key, @Nullable String fallback) {
    JsonNode v = value(key);
    if (v == null) {
      return fallback;
    }
    if (!v.isValueNode()) {
      throw new ConfigException(name + "." + key + ": expected a text value");
    }
    return v.asText();
  }

  public int integer(String key, int fallback) {
    JsonNode v = value(key);
    if (v == null) {
      return fallback;
    }
    if (!v.isIntegralNumber() || !v.canConvertToInt()) {
      throw wrong(key, v, "a whole number");
    }
    return v.asInt();
  }

  public double number(String key, double fallback) {
    JsonNode v = value(key);
    if (v == null) {
      return fallback;
    }
    if (!v.isNumber()) {
      throw wrong(key, v, "a number");
    }
    return v.asDouble();
  }

  public boolean bool(String key, boolean fallback) {
    JsonNode v = value(key);
    if (v == null) {
      return fallback;
    }
    if (!v.isBoolean()) {
      throw wrong(key, v, "true or false");
    }
    return v.asBoolean();
  }

  /**
   * A duration such as {@code 10s}. A bare whole number is still read as seconds, with a warning
   * (older files wrote {@code backoff: 1}).
   */
  public Duration duration(String key, Duration fallback) {
    JsonNode v = value(key);
    if (v == null) {
      return fallback;
    }
    if (v.isIntegralNumber()) {
      log.warn(
          "{}.{}: a bare number is read as seconds; write it with a unit: {}: {}s",
          name,
          key,
          key,
          v.asLong());
      return Duration.ofSeconds(v.asLong());
    }
    try {
      return parseDuration(v.asText());
    } catch (IllegalArgumentException | DateTimeException e) {
      throw wrong(key, v, "a duration like 500ms, 10s, 2m, 48h");
    }
  }

  /**
   * A duration under {@code key}, or under its old name {@code oldKey} as a number of {@code
   * oldUnit} (e.g. {@code timeout_seconds: 60}), which is still read, with a warning naming the new
   * key. Both at once is an error.
   */
  public Duration duration(String key, String oldKey, ChronoUnit oldUnit, Duration fallback) {
    JsonNode old = value(oldKey);
    if (old == null) {
      return duration(key, fallback);
    }
    if (has(key)) {
      throw new ConfigException(
          name + "." + oldKey + " and " + name + "." + key + " are the same setting; keep " + key);
    }
    if (!old.isNumber() || old.asDouble() < 0) {
      throw wrong(oldKey, old, "a number");
    }
    Duration d = Duration.ofNanos(Math.round(old.asDouble() * oldUnit.getDuration().toNanos()));
    log.warn("{}.{} is deprecated; write {}.{}: {}", name, oldKey, name, key, format(d));
    return d;
  }

  /** A size such as {@code 5MB}, {@code 500KB} or a number of bytes. */
  public long size(String key, long fallback) {
    JsonNode v = value(key);
    if (v == null) {
      return fallback;
    }
    Matcher m = SIZE.matcher(v.asText().strip().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw wrong(key, v, "a size like 5MB or 500KB");
    }
    long n = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "b" : m.group(2);
    return switch (unit) {
      case "kb" -> n * 1024;
      case "mb" -> n * 1024 * 1024;
      case "gb" -> n * 1024 * 1024 * 1024;
      default -> n;
    };
  }

  /**
   * The {@code breaker_failures} and {@code breaker_cool_down} pair: when something that keeps
   * failing is left alone, and for how long.
   */
  public Breaker.Policy breaker(Breaker.Policy fallback) {
    try {
      return new Breaker.Policy(
          integer("breaker_failures", fallback.failures()),
          duration("breaker_cool_down", fallback.coolDown()));
    } catch (IllegalArgumentException e) {
      throw new ConfigException(name + "." + e.getMessage(), e);
    }
  }

  /** A list of strings, given as a YAML list or one comma-separated string; empty when unset. */
  public List<String> strings(String key) {
    JsonNode v = value(key);
    if (v == null) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    if (v.isArray()) {
      v.forEach(e -> out.add(e.asText().strip()));
    } else {
      for (String s : v.asText().split(",")) {
        out.add(s.strip());
      }
    }
    out.removeIf(String::isEmpty);
    return out;
  }

  /**
   * Parses {@code 500ms}, {@code 90s}, {@code 30m}, {@code 48h}, {@code 7d}, {@code 2w} or an
   * ISO-8601 duration such as {@code PT48H}.
   *
   * @throws IllegalArgumentException when the text is none of these
   */
  public static Duration parseDuration(String text) {
    String t = text.strip().toLowerCase(Locale.ROOT);
    if (t.startsWith("p")) {
      return Duration.parse(t.toUpperCase(Locale.ROOT));
    }
    Matcher m = DURATION.matcher(t);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "not a duration: '" + text + "' (use e.g. 500ms, 10s, 30m, 48h, 7d)");
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "ms" -> Duration.ofMillis(n);
      case "s" -> Duration.ofSeconds(n);
      case "m" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      case "d" -> Duration.ofDays(n);
      default -> Duration.ofDays(7 * n);
    };
  }

  /** The shortest exact spelling in the file's syntax: 1500ms, 90s, 2m, 48h. */
  public static String format(Duration d) {
    long ms = d.toMillis();
    if (ms % 1000 != 0 || ms == 0) {
      return ms + "ms";
    }
    long s = ms / 1000;
    if (s % 3600 == 0) {
      return s / 3600 + "h";
    }
    return s % 60 == 0 ? s / 60 + "m" : s + "s";
  }

  private @Nullable JsonNode value(String key) {
    if (node == null || node.isMissingNode()) {
      return null;
    }
    JsonNode v = node.get(key);
    return v == null || v.isNull() ? null : v;
  }

  private ConfigException wrong(String key, JsonNode v, String expected) {
    return new ConfigException(name + "." + key + ": '" + v.asText() + "' is not " + expected);
  }
}
