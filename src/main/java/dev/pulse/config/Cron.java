package dev.pulse.config;

import com.github.kagkarlsson.scheduler.task.schedule.CronSchedule;
import com.github.kagkarlsson.scheduler.task.schedule.CronStyle;
import java.time.ZoneOffset;

/**
 * Schedules as written in the config ({@code schedule:} of a source, {@code worker.schedule},
 * {@code site.schedule}): 5-field Unix cron (minute hour day month weekday), in UTC.
 */
public final class Cron {

  private Cron() {}

  /**
   * The schedule of a cron expression.
   *
   * @throws IllegalArgumentException naming the expression and what is wrong with it
   */
  public static CronSchedule parse(String expression) {
    if (expression == null || expression.isBlank()) {
      throw new IllegalArgumentException("empty schedule; write cron like \"*/15 * * * *\"");
    }
    String e = expression.strip();
    if (e.split("\\s+").length != 5) {
      throw new IllegalArgumentException(
          "'"
              + e
              + "' is not a 5-field cron expression (minute hour day month weekday), like \"*/15"
              + " * * * *\"");
    }
    try {
      return new CronSchedule(e, ZoneOffset.UTC, CronStyle.UNIX);
    } catch (RuntimeException ex) {
      throw new IllegalArgumentException(
          "'" + e + "' is not a valid cron expression: " + ex.getMessage(), ex);
    }
  }
}
