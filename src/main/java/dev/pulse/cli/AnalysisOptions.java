package dev.pulse.cli;

import dev.pulse.PulseException;
import dev.pulse.analyze.Taxonomy;
import dev.pulse.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --taxonomy FILE} and {@code --summary-words N}: what shapes an analysis in {@code pulse
 * analyze} and {@code pulse eval}.
 */
final class AnalysisOptions {

  @Option(
      names = "--taxonomy",
      defaultValue = "data/categories.yml",
      description = "Category taxonomy (default ${DEFAULT-VALUE}).")
  Path taxonomy;

  @Option(
      names = "--summary-words",
      defaultValue = "90",
      description =
          "Word budget of each summary of the embedded analyzer (default ${DEFAULT-VALUE}).")
  int summaryWords;

  /** The taxonomy file, or a ConfigException naming it. */
  Taxonomy loadTaxonomy() {
    if (!Files.isRegularFile(taxonomy)) {
      throw new ConfigException("taxonomy file not found: " + taxonomy);
    }
    try {
      return Taxonomy.load(taxonomy);
    } catch (PulseException.Fatal e) {
      throw new ConfigException(e.getMessage(), e);
    }
  }
}
