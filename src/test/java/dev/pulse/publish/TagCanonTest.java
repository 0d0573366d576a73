package dev.pulse.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TagCanonTest {

  static TagCanon canon(Map<String, Integer> counts, Map<String, String> names) {
    return new TagCanon(counts, names);
  }

  @Test
  void aPluralAndItsSingularAreOneTopicNamedByTheMoreUsedForm() {
    TagCanon c = canon(Map.of("chips", 3, "chip", 1, "clinic", 1, "clinics", 1),
        Map.of("chips", "chips", "chip", "chip", "clinic", "clinic", "clinics", "clinics"));

    assertThat(c.of("chip")).isEqualTo("chips");
    assertThat(c.of("chips")).isEqualTo("chips");
    assertThat(c.of("clinics")).isEqualTo("clinic");
  }

  @Test
  void aOneWordNameIsTheOneLongerNameItBegins() {
    TagCanon c = canon(Map.of("halvorsen", 2, "halvorsen microsystems", 2, "kestrel", 1),
        Map.of("halvorsen", "Halvorsen", "halvorsen microsystems", "Halvorsen Microsystems",
            "kestrel", "Kestrel"));

    assertThat(c.of("halvorsen")).isEqualTo("halvorsen microsystems");
    assertThat(c.of("kestrel")).isEqualTo("kestrel");
  }

  @Test
  void aNameBeginningTwoLongerNamesStaysItself() {
    TagCanon c = canon(Map.of("kestrel", 1, "kestrel bay", 1, "kestrel mariners", 1),
        Map.of("kestrel", "Kestrel", "kestrel bay", "Kestrel Bay",
            "kestrel mariners", "Kestrel Mariners"));

    assertThat(c.of("kestrel")).isEqualTo("kestrel");
  }

  @Test
  void aLowerCaseWordIsNotANameFragment() {
    TagCanon c = canon(Map.of("water", 1, "water board", 1),
        Map.of("water", "water", "water board", "water board"));

    assertThat(c.of("water")).isEqualTo("water");
  }

  @Test
  void keysIgnoreCaseAndSpacing() {
    assertThat(TagCanon.key("  Halvorsen   Microsystems ")).isEqualTo("halvorsen microsystems");
  }
}
