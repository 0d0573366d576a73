package dev.pulse.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Schedules as the config writes them, and the messages a wrong one gets. */
class CronTest {

  @Test
  void aFiveFieldExpressionIsASchedule() {
    assertThat(Cron.parse("*/15 * * * *").getPattern()).isEqualTo("*/15 * * * *");
  }

  @Test
  void aSourcesWrongScheduleIsRefusedNamingTheSourceAndTheKey() {
    assertThatThrownBy(
            () ->
                PulseConfig.parse(
                    """
                    sources:
                      - name: Ledger
                        url: https://ledger.example/feed.xml
                        schedule: "*/15 * *"
                    """))
        .hasMessageContaining("source 'Ledger': schedule:")
        .hasMessageContaining("5-field cron");
  }

  @Test
  void aScheduleWithAnImpossibleFieldIsRefused() {
    assertThatThrownBy(() -> Cron.parse("61 * * * *"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'61 * * * *' is not a valid cron expression");
  }

  @Test
  void aSourcesScheduleIsKept() {
    PulseConfig cfg =
        PulseConfig.parse(
            """
            sources:
              - name: Ledger
                url: https://ledger.example/feed.xml
                schedule: "0 * * * *"
            """);
    assertThat(cfg.sources().get(0).schedule()).isEqualTo("0 * * * *");
  }
}
