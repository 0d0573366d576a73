package dev.pulse.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.config.ConfigException;
import dev.pulse.config.Cron;
import dev.pulse.config.Section;
import dev.pulse.worker.WorkerSettings;
import java.time.Duration;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The {@code worker:} section of {@code pulse worker}: {@code threads}, {@code heartbeat_timeout},
 * {@code grace}, {@code poll_interval}, {@code schedule} (the sources' default discovery schedule)
 * and {@code requeue_every}; and {@code site.schedule}, when workers re-render the site
 * (docs/scaling.md). {@code worker.site_schedule}, its old name, is still read with a warning.
 */
final class WorkerConfig {

  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(WorkerConfig.class);

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
   * @param node the {@code worker:} section
   * @param site the {@code site:} section, for its {@code schedule}
   * @param threadsFallback threads when the section does not say (what the analyzer can use)
   */
  static WorkerSettings settings(JsonNode node, JsonNode site, int threadsFallback) {
    Section s = Section.of("worker", node).requireKnown(KEYS);
    WorkerSettings d = WorkerSettings.DEFAULTS;
    String schedule = cron(s, "schedule", d.defaultSchedule());
    String siteSchedule = siteSchedule(s, Section.of("site", site), d.siteSchedule());
    try {
      return new WorkerSettings(
          s.integer("threads", threadsFallback),
          s.duration("heartbeat_timeout", d.heartbeatTimeout()),
          s.duration("grace", d.grace()),
          s.duration("poll_interval", d.pollInterval()),
          schedule,
          siteSchedule,
          positive(s, "requeue_every", d.requeueEvery()));
    } catch (IllegalArgumentException e) {
      throw new ConfigException(e.getMessage(), e);
    }
  }

  /**
   * {@code site.schedule}, or its old name {@code worker.site_schedule} with a warning naming the
   * new key; both at once is an error.
   */
  private static @Nullable String siteSchedule(
      Section worker, Section site, @Nullable String fallback) {
    if (!worker.has("site_schedule")) {
      return cron(site, "site", "schedule", fallback);
    }
    if (site.has("schedule")) {
      throw new ConfigException(
          "worker.site_schedule and site.schedule are the same setting; keep site.schedule");
    }
    String cron = cron(worker, "worker", "site_schedule", fallback);
    log.warn("worker.site_schedule is deprecated; write site.schedule: \"{}\"", cron);
    return cron;
  }

  private static Duration positive(Section s, String key, Duration fallback) {
    Duration d = s.duration(key, fallback);
    if (d.isZero() || d.isNegative()) {
      throw new ConfigException("worker." + key + ": must be more than 0");
    }
    return d;
  }

  private static String cron(Section s, String key, String fallback) {
    return cron(s, "worker", key, fallback);
  }

  private static @Nullable String cron(
      Section s, String section, String key, @Nullable String fallback) {
    String text = s.text(key, fallback);
    if (text == null) {
      return null;
    }
    try {
      Cron.parse(text);
      return text.strip();
    } catch (IllegalArgumentException e) {
      throw new ConfigException(section + "." + key + ": " + e.getMessage(), e);
    }
  }
}
