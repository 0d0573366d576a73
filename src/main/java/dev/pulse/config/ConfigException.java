package dev.pulse.config;

import dev.pulse.PulseException;
import org.jspecify.annotations.Nullable;

/** A configuration or input file is missing or wrong; exit code 3. */
public final class ConfigException extends PulseException.Fatal {

  public ConfigException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }

  public ConfigException(String message) {
    super(message);
  }
}
