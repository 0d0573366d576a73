package dev.pulse.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.config.ConfigException;
import dev.pulse.config.Cron;
import dev.pulse.config.Section;
import dev.pulse.worker.WorkerSettings;
import java.time.Duration;
import java.util.Set;

/**
 * The {@code worker:} section of {@code pulse worker}: {@code threads}, {@code heartbeat_timeout},
 * {@code grace}, {@code poll_interval}, {@code schedule} (the sources' default discovery schedule),
 * {@code site_schedule} and {@code requeue_every} (docs/scaling.md).
 */
final class WorkerConfig {

  static final Set<String> KEYS =
      Set.of(
          "threads",
          "heartbeat_timeout",
          "grace",
          "poll_interval",
          "schedule",
          "site_schedule",
          "requeue_every");

  private WorkerConfig() {}

  /**
   * @param threadsFallback threads when the section does not say (what the analyzer can use)
   */
  static WorkerSettings settings(JsonNode node, int threadsFallback) {
    Section s = Section.of("worker", node).requireKnown(KEYS);
    WorkerSettings d = WorkerSettings.DEFAULTS;
    String schedule = cron(s, "schedule", d.defaultSchedule());
    String site = cron(s, "site_schedule", d.siteSchedule());
    try {
      return new WorkerSettings(
          s.integer("threads", threadsFallback),
          s.duration("heartbeat_timeout", d.heartbeatTimeout()),
          s.duration("grace", d.grace()),
          s.duration("poll_interval", d.pollInterval()),
          schedule,
          site,
          positive(s, "requeue_every", d.requeueEvery()));
    } catch (IllegalArgumentException e) {
      throw new ConfigException(e.getMessage(), e);
    }
  }

  private static Duration positive(Section s, String key, Duration fallback) {
    Duration d = s.duration(key, fallback);
    if (d.isZero() || d.isNegative()) {
      throw new ConfigException("worker." + key + ": must be more than 0");
    }
    return d;
  }

  private static String cron(Section s, String key, String fallback) {
    String text = s.text(key, fallback);
    if (text == null) {
      return null;
    }
    try {
      Cron.parse(text);
      return text.strip();
    } catch (IllegalArgumentException e) {
      throw new ConfigException("worker." + key + ": " + e.getMessage(), e);
    }
  }
}
