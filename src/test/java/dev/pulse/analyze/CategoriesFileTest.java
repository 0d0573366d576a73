package dev.pulse.analyze;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The team's taxonomy in data/categories.yml is complete enough for the embedded analyzer. */
class CategoriesFileTest {

  @Test
  void everyCategoryHasADescriptionFifteenExamplesAndKeywords() {
    Taxonomy taxonomy = Taxonomy.load(Path.of("data/categories.yml"));
    assertThat(taxonomy.categories()).hasSizeBetween(10, 12);
    for (Category c : taxonomy.categories()) {
      assertThat(c.description()).as(c.name()).isNotBlank();
      assertThat(c.examples()).as(c.name()).hasSizeGreaterThanOrEqualTo(15).doesNotHaveDuplicates();
      assertThat(c.keywords()).as(c.name()).isNotEmpty();
    }
  }
}
