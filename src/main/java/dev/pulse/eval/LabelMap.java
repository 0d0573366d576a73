package dev.pulse.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * From the analyzer's category names to a data set's labels: a JSON object such as {@code
 * {"Technology": "tech"}}, or one such object per data set ({@code {"bbc": {...}, "agnews":
 * {...}}}, as in scripts/eval/label-maps.json) picked by each item's {@code dataset}. Names are
 * matched case-insensitively; a name the map does not list stays as it is.
 */
public final class LabelMap {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ANY = "";

  private final Map<String, Map<String, String>> byDataset;

  private LabelMap(Map<String, Map<String, String>> byDataset) {
    this.byDataset = byDataset;
  }

  /** No mapping: categories are compared as they are. */
  public static LabelMap identity() {
    return new LabelMap(Map.of());
  }

  public static LabelMap read(Path file) throws IOException {
    JsonNode root = JSON.readTree(file.toFile());
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException(file + ": a label map is a JSON object");
    }
    Map<String, Map<String, String>> out = new HashMap<>();
    for (Map.Entry<String, JsonNode> e : root.properties()) {
      if (e.getValue().isObject()) {
        Map<String, String> m = new HashMap<>();
        e.getValue().properties().forEach(f -> m.put(key(f.getKey()), f.getValue().asText()));
        out.put(e.getKey(), m);
      } else {
        out.computeIfAbsent(ANY, k -> new HashMap<>()).put(key(e.getKey()), e.getValue().asText());
      }
    }
    return new LabelMap(out);
  }

  /** The data set's label for the analyzer's {@code category} (null stays null). */
  @Nullable String apply(@Nullable String dataset, @Nullable String category) {
    if (category == null) {
      return null;
    }
    Map<String, String> m =
        byDataset.getOrDefault(dataset == null ? ANY : dataset, byDataset.get(ANY));
    return m == null ? category : m.getOrDefault(key(category), category);
  }

  private static String key(String s) {
    return s.strip().toLowerCase(Locale.ROOT);
  }
}
