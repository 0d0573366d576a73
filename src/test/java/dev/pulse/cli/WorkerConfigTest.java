package dev.pulse.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.pulse.config.ConfigException;
import dev.pulse.worker.WorkerSettings;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The {@code worker:} section. */
class WorkerConfigTest {

  private static JsonNode yaml(String text) throws Exception {
    return new ObjectMapper(new YAMLFactory()).readTree(text);
  }

  @Test
  void noSectionGivesTheDefaults() {
    WorkerSettings s = WorkerConfig.settings(null, 8);
    assertThat(s.heartbeatTimeout()).isEqualTo(Duration.ofSeconds(60));
    assertThat(s.grace()).isEqualTo(Duration.ofSeconds(30));
    assertThat(s.defaultSchedule()).isEqualTo("*/15 * * * *");
    assertThat(s.heartbeatInterval()).isEqualTo(Duration.ofSeconds(15));
  }

  @Test
  void theSettingsAreRead() throws Exception {
    WorkerSettings s =
        WorkerConfig.settings(
            yaml(
                "threads: 3\nheartbeat_timeout: 20s\ngrace: 10s\nschedule: '0 * * * *'\n"
                    + "site_schedule: '5 * * * *'"),
            8);
    assertThat(s.threads()).isEqualTo(3);
    assertThat(s.heartbeatTimeout()).isEqualTo(Duration.ofSeconds(20));
    assertThat(s.grace()).isEqualTo(Duration.ofSeconds(10));
    assertThat(s.defaultSchedule()).isEqualTo("0 * * * *");
    assertThat(s.siteSchedule()).isEqualTo("5 * * * *");
  }

  @Test
  void aWrongScheduleOrKeyNamesTheKey() {
    assertThatThrownBy(() -> WorkerConfig.settings(yaml("schedule: 'every minute'"), 8))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("worker.schedule");
    assertThatThrownBy(() -> WorkerConfig.settings(yaml("heartbeat: 10s"), 8))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("worker.heartbeat");
  }
}
