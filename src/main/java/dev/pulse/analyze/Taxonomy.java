package dev.pulse.analyze;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.pulse.config.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The team's categories, in the order the file gives them. Loaded from {@code categories.yml}. */
public final class Taxonomy {

  private final List<Category> categories;
  private final Map<String, Category> byLowerName = new LinkedHashMap<>();

  public Taxonomy(List<Category> categories) {
    if (categories.isEmpty()) {
      throw new IllegalArgumentException("a taxonomy needs at least one category");
    }
    this.categories = List.copyOf(categories);
    for (Category c : this.categories) {
      if (byLowerName.put(c.name().toLowerCase(Locale.ROOT), c) != null) {
        throw new IllegalArgumentException("duplicate category: " + c.name());
      }
    }
  }

  public List<Category> categories() {
    return categories;
  }

  public List<String> names() {
    return categories.stream().map(Category::name).toList();
  }

  /** The category of that name, ignoring case and surrounding space. */
  public Optional<Category> find(@Nullable String name) {
    if (name == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(byLowerName.get(name.strip().toLowerCase(Locale.ROOT)));
  }

  /**
   * Reads a YAML file: {@code categories: [{name, description, examples: [..], keywords: [..]}]}.
   */
  public static Taxonomy load(Path file) {
    try {
      return parse(Files.readString(file));
    } catch (java.nio.file.NoSuchFileException e) {
      throw new ConfigException("taxonomy file not found: " + file, e);
    } catch (IOException e) {
      throw new ConfigException("cannot read taxonomy " + file + ": " + e, e);
    } catch (IllegalArgumentException e) {
      throw new ConfigException("invalid taxonomy " + file + ": " + e.getMessage(), e);
    }
  }

  static Taxonomy parse(String yaml) {
    JsonNode root;
    try {
      root = new ObjectMapper(new YAMLFactory()).readTree(yaml);
    } catch (IOException e) {
      throw new IllegalArgumentException("not valid YAML: " + e.getMessage(), e);
    }
    JsonNode list = root == null ? null : root.get("categories");
    if (list == null || !list.isArray()) {
      throw new IllegalArgumentException("expected a top-level 'categories' list");
    }
    List<Category> out = new ArrayList<>();
    for (JsonNode n : list) {
      out.add(
          new Category(
              text(n, "name"),
              text(n, "description"),
              strings(n, "examples"),
              strings(n, "keywords")));
    }
    return new Taxonomy(out);
  }

  private static @Nullable String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  private static List<String> strings(JsonNode n, String field) {
    List<String> out = new ArrayList<>();
    JsonNode v = n.get(field);
    if (v != null && v.isArray()) {
      v.forEach(x -> out.add(x.asText()));
    }
    return out;
  }
}
