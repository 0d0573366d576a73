package dev.pulse.analyze;

import java.util.List;

/**
 * One category of the team's taxonomy.
 *
 * @param name the label shown to readers and stored with entries
 * @param description what belongs here, in a sentence or two (also given to the LLM)
 * @param examples example headlines written by the team (used by the embedded analyzer)
 * @param keywords words that are strong evidence for this category
 */
public record Category(
    String name, String description, List<String> examples, List<String> keywords) {

  public Category {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("category name must not be blank");
    }
    description = description == null ? "" : description.strip();
    examples = examples == null ? List.of() : List.copyOf(examples);
    keywords = keywords == null ? List.of() : List.copyOf(keywords);
  }
}
