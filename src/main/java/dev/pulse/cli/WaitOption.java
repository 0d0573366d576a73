package dev.pulse.cli;

import dev.pulse.config.PulseConfig;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** {@code --wait [DURATION]}: wait for another run to let go of the store instead of refusing. */
final class WaitOption {

  private static final String FOREVER = "forever";

  @Option(
      names = "--wait",
      arity = "0..1",
      paramLabel = "DURATION",
      fallbackValue = FOREVER,
      description =
          "when another run holds the store, wait for it (at most DURATION, e.g. 10m; without a"
              + " value, as long as it takes) instead of exiting with code 6")
  @Nullable String wait;

  /** How long to wait for the store: zero when not asked to. */
  Duration duration(CommandLine cmd) {
    if (wait == null) {
      return Duration.ZERO;
    }
    if (FOREVER.equals(wait)) {
      return Duration.ofDays(365);
    }
    try {
      return PulseConfig.duration(wait);
    } catch (RuntimeException e) {
      throw new CommandLine.ParameterException(
          cmd, "--wait: '" + wait + "' is not a duration like 30s, 10m or 2h");
    }
  }
}
