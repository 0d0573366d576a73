package dev.pulse.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One labelled article of an evaluation set.
 *
 * @param id the item's key; never blank
 * @param title headline, or null
 * @param text article body; null is read as empty, so the accessor never returns null
 * @param category the expected category (a data-set label, mapped from the analyzer's through a
 *     label map), or null when the item has none
 * @param sentiment the expected sentiment label, or null
 * @param summary a reference summary, or null
 * @param dataset the sub-set the item belongs to (picks a label map of several), or null
 */
public record EvalItem(
    String id,
    @Nullable String title,
    @Nullable String text,
    @Nullable String category,
    @Nullable String sentiment,
    @Nullable String summary,
    @Nullable String dataset) {

  private static final ObjectMapper JSON = new ObjectMapper();

  public EvalItem {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("missing \"id\"");
    }
    text = text == null ? "" : text;
  }

  /**
   * Reads a JSON Lines file of {@code {"id", "title"?, "text", "category"?, "sentiment"?,
   * "summary"?}}; {@code label} stands for a category or sentiment as the file's name says
   * ("sentiment" in it: a sentiment), {@code reference_summary} for summary.
   *
   * @param limit at most this many items (0: all)
   * @throws IllegalArgumentException naming the line of a bad item
   */
  public static List<EvalItem> read(Path file, int limit) throws IOException {
    boolean labelIsSentiment = file.getFileName().toString().toLowerCase().contains("sentiment");
    List<EvalItem> out = new ArrayList<>();
    int lineNo = 0;
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      lineNo++;
      if (line.isBlank()) {
        continue;
      }
      try {
        out.add(parse(JSON.readTree(line), labelIsSentiment));
      } catch (IOException | IllegalArgumentException e) {
        throw new IllegalArgumentException(file + " line " + lineNo + ": " + e.getMessage(), e);
      }
      if (limit > 0 && out.size() == limit) {
        break;
      }
    }
    return out;
  }

  static EvalItem parse(@Nullable JsonNode n, boolean labelIsSentiment) {
    if (n == null || !n.isObject()) {
      throw new IllegalArgumentException("expected a JSON object");
    }
    String label = text(n, "label");
    String category = first(text(n, "category"), labelIsSentiment ? null : label);
    String sentiment = first(text(n, "sentiment"), labelIsSentiment ? label : null);
    String summary = first(text(n, "summary"), text(n, "reference_summary"));
    return new EvalItem(
        text(n, "id"),
        text(n, "title"),
        text(n, "text"),
        category,
        sentiment,
        summary,
        text(n, "dataset"));
  }

  private static @Nullable String first(@Nullable String a, @Nullable String b) {
    return a != null ? a : b;
  }

  private static @Nullable String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText();
  }
}
