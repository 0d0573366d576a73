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
    assertThat(TitleCleaner.clean(title, site, null)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} on {1}")
  @CsvSource(
      delimiter = ';',
      value = {
        "Ferry service resumes after the storm - Coastal Daily; www.coastaldaily.example;"
            + " Ferry service resumes after the storm",
        "Ferry service resumes after the storm - CDN News; cdn.example; Ferry service resumes after"
            + " the storm",
        "Ferry service resumes after the storm – coastal.example; other.example; Ferry service"
            + " resumes after the storm",
        "Ferry Service Resumes After The Storm - Here Is What We Know; coastal.example; Ferry Service"
            + " Resumes After The Storm - Here Is What We Know",
        "Ferry service resumes after the storm - Coastal Daily; other.example; Ferry service resumes"
            + " after the storm - Coastal Daily",
      })
  void removesADashedSuffixOnlyWhenItNamesTheHost(String title, String host, String expected) {
    assertThat(TitleCleaner.clean(title, null, host)).isEqualTo(expected);
  }
}
