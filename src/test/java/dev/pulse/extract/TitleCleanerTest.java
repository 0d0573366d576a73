package dev.pulse.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TitleCleanerTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = ';',
      nullValues = "NULL",
      value = {
        "Storm closes ports | Coastal Daily;     Coastal Daily; Storm closes ports",
        "Storm closes ports - Coastal Daily;     Coastal Daily; Storm closes ports",
        "Storm closes ports — Coastal Daily;     Coastal Daily; Storm closes ports",
        "Coastal Daily: Storm closes ports;      Coastal Daily; Storm closes ports",
        "Storm closes ports | Weather | Coastal; NULL;          Storm closes ports",
        "Storm closes ports | Coastal Daily;     NULL;          Storm closes ports",
        "Spider-Man - the review;                NULL;          Spider-Man - the review",
        "Yes | No;                               NULL;          Yes | No",
        "Coastal Daily;                          Coastal Daily; Coastal Daily",
      })
  void removesTheSiteNameAndNothingElse(String title, String site, String expected) {
    assertThat(TitleCleaner.clean(title, site, title)).isEqualTo(expected);
  }
}
