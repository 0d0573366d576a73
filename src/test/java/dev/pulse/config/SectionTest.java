package dev.pulse.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SectionTest {

  private static Section section(String yaml) throws Exception {
    JsonNode n = new ObjectMapper(new YAMLFactory()).readTree(yaml);
    return Section.of("x", n);
  }

  @ParameterizedTest
  @CsvSource({"500ms,PT0.5S", "10s,PT10S", "2m,PT2M", "48h,PT48H", "7d,PT168H", "PT1H30M,PT1H30M"})
  void durationsHaveOneSyntax(String text, String iso) throws Exception {
    assertThat(section("d: " + text).duration("d", Duration.ZERO)).isEqualTo(Duration.parse(iso));
  }

  @Test
  void aBareNumberIsReadAsSeconds() throws Exception {
    assertThat(section("d: 3").duration("d", Duration.ZERO)).isEqualTo(Duration.ofSeconds(3));
  }

  @Test
  void anUnsetValueGivesTheFallback() throws Exception {
    Section s = section("a: ~");
    assertThat(s.duration("a", Duration.ofSeconds(9))).isEqualTo(Duration.ofSeconds(9));
    assertThat(s.integer("b", 4)).isEqualTo(4);
    assertThat(s.text("c", "t")).isEqualTo("t");
    assertThat(s.bool("d", true)).isTrue();
    assertThat(s.strings("e")).isEmpty();
    assertThat(Section.of("x", null).size("f", 5)).isEqualTo(5);
  }

  @Test
  void anOldKeyIsReadInItsUnit() throws Exception {
    Section s = section("wait_ms: 1500");
    assertThat(s.duration("wait", "wait_ms", ChronoUnit.MILLIS, Duration.ZERO))
        .isEqualTo(Duration.ofMillis(1500));
  }

  @Test
  void wrongValuesAreNamedWithTheirSection() throws Exception {
    assertThatThrownBy(() -> section("d: soon").duration("d", Duration.ZERO))
        .isInstanceOf(ConfigException.class).hasMessageContaining("x.d: 'soon' is not a duration");
    assertThatThrownBy(() -> section("n: 2.5").integer("n", 0))
        .isInstanceOf(ConfigException.class).hasMessageContaining("x.n");
    assertThatThrownBy(() -> section("b: maybe").bool("b", false))
        .isInstanceOf(ConfigException.class).hasMessageContaining("x.b");
    assertThatThrownBy(() -> section("s: 5 parsecs").size("s", 0))
        .isInstanceOf(ConfigException.class).hasMessageContaining("x.s");
  }

  @Test
  void anUnknownKeyIsNamedWithTheKnownOnes() throws Exception {
    assertThatThrownBy(() -> section("colour: red").requireKnown(Set.of("color")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("x.colour is not a known setting; known: color");
  }

  @Test
  void sizesAndListsHaveTheirShortForms() throws Exception {
    assertThat(section("s: 5MB").size("s", 0)).isEqualTo(5L * 1024 * 1024);
    assertThat(section("l: 'a, b'").strings("l")).isEqualTo(List.of("a", "b"));
    assertThat(section("l: [a, b]").strings("l")).isEqualTo(List.of("a", "b"));
  }

  @ParameterizedTest
  @CsvSource({"PT0.5S,500ms", "PT10S,10s", "PT2M,2m", "PT48H,48h", "PT90S,90s"})
  void durationsAreWrittenBackInTheSameSyntax(String iso, String text) {
    assertThat(Section.format(Duration.parse(iso))).isEqualTo(text);
  }
}
