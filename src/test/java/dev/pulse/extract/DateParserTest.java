package dev.pulse.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DateParserTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "2024-03-05T09:30:00+01:00     | 2024-03-05T09:30:00+01:00",
        "2024-03-05T09:30:00.123Z      | 2024-03-05T09:30:00.123Z",
        "2024-03-05T09:30:00+0100      | 2024-03-05T09:30:00+01:00",
        "2024-03-05 09:30:00 +01:00    | 2024-03-05T09:30:00+01:00",
        "2024-03-05T09:30              | 2024-03-05T09:30:00Z",
        "2024-03-05                    | 2024-03-05T00:00:00Z",
        "20240305                      | 2024-03-05T00:00:00Z",
        "Tue, 05 Mar 2024 08:30:00 GMT | 2024-03-05T08:30:00Z",
        "1709627400                    | 2024-03-05T08:30:00Z",
        "1709627400000                 | 2024-03-05T08:30:00Z",
      })
  void parsesTheFormatsPagesUse(String input, String expected) {
    assertThat(DateParser.parse(input)).isEqualTo(OffsetDateTime.parse(expected));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "yesterday",
        "2024-13-45",
        "not a date at all",
        "0001-01-01T00:00:00Z",
        "1970-01-01T00:00:00Z"
      })
  void givesNullForWhatIsNotADate(String input) {
    assertThat(DateParser.parse(input)).isNull();
  }
}
