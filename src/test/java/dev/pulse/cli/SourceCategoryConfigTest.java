package dev.pulse.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pulse.analyze.Category;
import dev.pulse.analyze.Taxonomy;
import dev.pulse.config.ConfigException;
import dev.pulse.config.PulseConfig;
import dev.pulse.source.SourceConfig;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code sources[].category}: checked against the taxonomy when a run is wired, by name. */
class SourceCategoryConfigTest {

  private static final Taxonomy TAXONOMY =
      new Taxonomy(
          List.of(
              new Category("Technology", "tech", null, null),
              new Category("Sports", "sport", null, null)));

  private static PulseConfig config(SourceConfig... sources) {
    return PulseConfig.of(
        List.of(sources), Path.of("data/categories.yml"), "pulse.db", Path.of("out"));
  }

  private static SourceConfig source(String name, String category) {
    return new SourceConfig(
        name, SourceConfig.Type.URLS, null, List.of("https://a.example/1"), category, 50, null);
  }

  @Test
  void aSourcesCategoryIsTheTaxonomysSpellingOfIt() {
    assertThat(
            Wiring.sourceCategories(
                config(source("Sport desk", " sports "), source("Wire", null)), TAXONOMY))
        .containsExactly(java.util.Map.entry("Sport desk", "Sports"));
  }

  @Test
  void aCategoryNotInTheTaxonomyIsRefusedNamingTheSourceTheFileAndTheChoices() {
    assertThatThrownBy(
            () -> Wiring.sourceCategories(config(source("Sport desk", "Sprots")), TAXONOMY))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("source 'Sport desk'")
        .hasMessageContaining("category 'Sprots' is not in the taxonomy data/categories.yml")
        .hasMessageContaining("Technology, Sports");
  }
}
