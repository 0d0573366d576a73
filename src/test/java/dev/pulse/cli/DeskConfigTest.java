package dev.pulse.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.pulse.config.ConfigException;
import dev.pulse.desk.DeskSettings;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The {@code desk:} section's keys land on the fields whose effect {@code
 * desk.DeskSettingsBehaviourTest} shows.
 */
class DeskConfigTest {

  private static DeskSettings read(String yaml) throws Exception {
    return ServeCommand.settings(new ObjectMapper(new YAMLFactory()).readTree(yaml));
  }

  @Test
  void eachKeySetsItsField() throws Exception {
    DeskSettings s =
        read("session_idle: 5m\nlock_timeout: 2m\ntrust_proxy: true\nvote_retention: 168h\n");

    assertThat(s.sessionIdle()).isEqualTo(Duration.ofMinutes(5));
    assertThat(s.lockInactivity()).isEqualTo(Duration.ofMinutes(2));
    assertThat(s.trustProxy()).isTrue();
    assertThat(s.voteRetention()).isEqualTo(Duration.ofDays(7));
  }

  @Test
  void anEmptySectionKeepsTheDefaults() throws Exception {
    assertThat(read("{}")).isEqualTo(DeskSettings.defaults().withClock(read("{}").clock()));
  }

  @Test
  void anUnknownKeyIsNamed() {
    assertThatThrownBy(() -> read("lock_timout: 2m"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("lock_timout");
  }
}
