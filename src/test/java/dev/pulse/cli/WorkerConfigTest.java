package dev.pulse.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.pulse.config.ConfigException;
import dev.pulse.worker.WorkerSettings;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The {@code worker:} section. */
class WorkerConfigTest {

  private static JsonNode yaml(String text) throws Exception {
    return new ObjectMapper(new YAMLFactory()).readTree(text);
  }

  @Test
  void noSectionGivesTheDefaults() {
    WorkerSettings s = WorkerConfig.settings(null, null, 8);
    assertThat(s.heartbeatTimeout()).isEqualTo(Duration.ofSeconds(60));
    assertThat(s.grace()).isEqualTo(Duration.ofSeconds(30));
    assertThat(s.defaultSchedule()).isEqualTo("*/15 * * * *");
    assertThat(s.heartbeatInterval()).isEqualTo(Duration.ofSeconds(15));
  }

  @Test
  void theSettingsAreRead() throws Exception {
    WorkerSettings s =
        WorkerConfig.settings(
            yaml("threads: 3\nheartbeat_timeout: 20s\ngrace: 10s\nschedule: '0 * * * *'\n"),
            yaml("schedule: '5 * * * *'"),
            8);
    assertThat(s.threads()).isEqualTo(3);
    assertThat(s.heartbeatTimeout()).isEqualTo(Duration.ofSeconds(20));
    assertThat(s.grace()).isEqualTo(Duration.ofSeconds(10));
    assertThat(s.defaultSchedule()).isEqualTo("0 * * * *");
    assertThat(s.siteSchedule()).isEqualTo("5 * * * *");
  }

  @Test
  void aWrongScheduleOrKeyNamesTheKey() {
    assertThatThrownBy(() -> WorkerConfig.settings(yaml("schedule: 'every minute'"), null, 8))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("worker.schedule");
    assertThatThrownBy(() -> WorkerConfig.settings(yaml("heartbeat: 10s"), null, 8))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("worker.heartbeat");
  }

  @Test
  void theSiteIsReRenderedOnSiteScheduleAndNotWithoutIt() throws Exception {
    assertThat(WorkerConfig.settings(null, yaml("title: T"), 8).siteSchedule()).isNull();
    assertThat(WorkerConfig.settings(null, yaml("schedule: '*/30 * * * *'"), 8).siteSchedule())
        .isEqualTo("*/30 * * * *");
    assertThatThrownBy(() -> WorkerConfig.settings(null, yaml("schedule: 'hourly'"), 8))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("site.schedule");
  }

  @Test
  void theOldWorkerSiteScheduleIsStillReadWithAWarningNamingSiteSchedule() throws Exception {
    ListAppender<ILoggingEvent> logs = new ListAppender<>();
    Logger logger = (Logger) LoggerFactory.getLogger(WorkerConfig.class);
    logs.start();
    logger.addAppender(logs);
    try {
      WorkerSettings s = WorkerConfig.settings(yaml("site_schedule: '5 * * * *'"), null, 8);
      assertThat(s.siteSchedule()).isEqualTo("5 * * * *");
    } finally {
      logger.detachAppender(logs);
    }
    assertThat(logs.list)
        .extracting(ILoggingEvent::getFormattedMessage)
        .containsExactly("worker.site_schedule is deprecated; write site.schedule: \"5 * * * *\"");
    assertThatThrownBy(
            () ->
                WorkerConfig.settings(
                    yaml("site_schedule: '5 * * * *'"), yaml("schedule: '5 * * * *'"), 8))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("keep site.schedule");
  }
}
