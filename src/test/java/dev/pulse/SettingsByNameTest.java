package dev.pulse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.fetch.FetchSettings;
import dev.pulse.fetch.Politeness;
import dev.pulse.publish.SiteSettings;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The settings with many fields of one type are built by name: no public constructor, so two
 * durations or counts cannot be swapped by position.
 */
class SettingsByNameTest {

  @ParameterizedTest
  @ValueSource(classes = {FetchSettings.class, Politeness.class, SiteSettings.class})
  void haveNoPositionalConstructor(Class<?> settings) {
    assertThat(settings.getConstructors()).isEmpty();
    assertThat(settings.isRecord()).isFalse();
  }

  @Test
  void aBuilderChangesOnlyWhatItNames() {
    Politeness d = Politeness.defaults();
    Politeness p = d.toBuilder().backoffMax(Duration.ofMinutes(1)).build();

    assertThat(p.backoffMax()).isEqualTo(Duration.ofMinutes(1));
    assertThat(p.backoffBase()).isEqualTo(d.backoffBase());
    assertThat(p.toBuilder().backoffMax(d.backoffMax()).build()).isEqualTo(d).hasSameHashCodeAs(d);
  }

  @Test
  void aBuilderChecksWhatItBuilds() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> FetchSettings.defaults().toBuilder().maxRedirects(-1).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxRedirects");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> SiteSettings.defaults().toBuilder().feedSize(0).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("feedSize");
  }
}
