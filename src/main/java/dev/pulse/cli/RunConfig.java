package dev.pulse.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.config.ConfigException;
import dev.pulse.config.PulseConfig;
import dev.pulse.pipeline.RunControl;
import java.time.Duration;
import java.util.Iterator;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The {@code run:} section: {@code max_duration} (the whole run's time budget; the items not
 * reached are queued for the next run) and {@code grace} (how long in-flight items may finish after
 * SIGTERM or the budget).
 */
final class RunConfig {

  private static final Set<String> KEYS = Set.of("max_duration", "grace");

  private RunConfig() {}

  /** The run's control from the section, its budget counted from now. */
  static RunControl control(@Nullable JsonNode run) {
    if (run != null && !run.isMissingNode() && !run.isNull() && !run.isObject()) {
      throw new ConfigException("'run' must be a mapping with max_duration and/or grace");
    }
    if (run != null) {
      for (Iterator<String> it = run.fieldNames(); it.hasNext(); ) {
        String key = it.next();
        if (!KEYS.contains(key)) {
          throw new ConfigException("unknown key 'run." + key + "' (known: max_duration, grace)");
        }
      }
    }
    Duration budget = duration(run, "max_duration", null);
    Duration grace = duration(run, "grace", RunControl.DEFAULT_GRACE);
    if (budget != null && budget.isZero()) {
      throw new ConfigException(
          "run.max_duration: must be more than 0 (leave it out for no limit)");
    }
    return new RunControl(grace, budget);
  }

  private static @Nullable Duration duration(
      @Nullable JsonNode run, String key, @Nullable Duration fallback) {
    JsonNode v = run == null ? null : run.get(key);
    if (v == null || v.isNull() || v.isMissingNode()) {
      return fallback;
    }
    if (v.isIntegralNumber()) {
      return Duration.ofSeconds(v.asLong());
    }
    try {
      if (v.isTextual()) {
        return PulseConfig.duration(v.asText());
      }
    } catch (RuntimeException e) {
      // reported below
    }
    throw new ConfigException(
        "run." + key + ": '" + v.asText() + "' is not a duration like 30s, 45m or 2h");
  }
}
