package dev.pulse.cli;

import dev.pulse.config.ConfigException;
import dev.pulse.config.PulseConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --config FILE}: the configuration file (default data/sources.yml). */
final class ConfigOption {

  @Option(
      names = {"-c", "--config"},
      paramLabel = "FILE",
      description = "configuration file (default: ${DEFAULT-VALUE})",
      defaultValue = "data/sources.yml")
  Path file;

  /** The config; a missing default file gives the defaults, a missing named file is an error. */
  PulseConfig load() {
    if (!Files.exists(file) && file.equals(PulseConfig.DEFAULT_FILE)) {
      return PulseConfig.defaults();
    }
    if (!Files.exists(file)) {
      throw new ConfigException("config file not found: " + file);
    }
    return PulseConfig.load(file);
  }
}
