package dev.pulse.extract;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;

/**
 * The schema.org objects a page declares in {@code <script type="application/ld+json">}, flattened
 * (arrays and {@code @graph} unpacked). Malformed blocks are skipped.
 */
final class JsonLd {

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
          .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
          .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
          .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
          .enable(JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER)
          .disable(JsonParser.Feature.AUTO_CLOSE_SOURCE)
          .build();

  private static final Set<String> ARTICLE_TYPES =
      Set.of(
          "article",
          "newsarticle",
          "blogposting",
          "reportagenewsarticle",
          "analysisnewsarticle",
          "opinionnewsarticle",
          "reviewnewsarticle",
          "backgroundnewsarticle",
          "liveblogposting",
          "scholarlyarticle",
          "techarticle",
          "socialmediaposting",
          "report",
          "posting",
          "askpublicnewsarticle",
          "satiricalarticle",
          "advertisercontentarticle");

  private final List<JsonNode> nodes;

  private JsonLd(List<JsonNode> nodes) {
    this.nodes = nodes;
  }

  static JsonLd of(Document doc) {
    List<JsonNode> nodes = new ArrayList<>();
    for (Element script : doc.getElementsByTag("script")) {
      if (!script.attr("type").toLowerCase(Locale.ROOT).contains("ld+json")) {
        continue;
      }
      String json = script.data().strip();
      if (json.startsWith("<!--")) {
        json = json.substring(4);
      }
      if (json.endsWith("-->")) {
        json = json.substring(0, json.length() - 3);
      }
      try {
        flatten(MAPPER.readTree(json), nodes, 0);
      } catch (Exception e) {
        // A broken block says nothing we can trust; the other sources still count.
      }
    }
    return new JsonLd(nodes);
  }

  private static void flatten(@Nullable JsonNode node, List<JsonNode> out, int depth) {
    if (node == null || depth > 8) {
      return;
    }
    if (node.isArray()) {
      for (JsonNode n : node) {
        flatten(n, out, depth + 1);
      }
    } else if (node.isObject()) {
      out.add(node);
      if (node.has("@graph")) {
        flatten(node.get("@graph"), out, depth + 1);
      }
      JsonNode main = node.get("mainEntity");
      if (main != null && main.isObject()) {
        flatten(main, out, depth + 1);
      }
    }
  }

  /** The first object typed as an article, or a WebPage's main article, or null. */
  @Nullable JsonNode article() {
    for (JsonNode n : nodes) {
      if (hasType(n, ARTICLE_TYPES)) {
        return n;
      }
    }
    return null;
  }

  /** The first object of one of the given types (lower case), or null. */
  @Nullable JsonNode firstOfType(String... types) {
    Set<String> wanted = Set.of(types);
    for (JsonNode n : nodes) {
      if (hasType(n, wanted)) {
        return n;
      }
    }
    return null;
  }

  private static boolean hasType(JsonNode n, Set<String> wanted) {
    JsonNode type = n.get("@type");
    if (type == null) {
      return false;
    }
    if (type.isArray()) {
      for (JsonNode t : type) {
        if (wanted.contains(localType(t.asText()))) {
          return true;
        }
      }
      return false;
    }
    return wanted.contains(localType(type.asText()));
  }

  private static String localType(String type) {
    int slash = type.lastIndexOf('/');
    return (slash >= 0 ? type.substring(slash + 1) : type).toLowerCase(Locale.ROOT);
  }

  /** A field as text: strings as they are, objects by their name/url/@id, arrays by first. */
  static @Nullable String text(@Nullable JsonNode node, String field) {
    if (node == null) {
      return null;
    }
    return asText(node.get(field));
  }

  static @Nullable String asText(@Nullable JsonNode v) {
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.isTextual() || v.isNumber()) {
      String s = v.asText().strip();
      return s.isEmpty() ? null : s;
    }
    if (v.isArray()) {
      for (JsonNode item : v) {
        String s = asText(item);
        if (s != null) {
          return s;
        }
      }
      return null;
    }
    if (v.isObject()) {
      for (String key : new String[] {"name", "url", "contentUrl", "@id", "@value"}) {
        String s = asText(v.get(key));
        if (s != null) {
          return s;
        }
      }
    }
    return null;
  }

  /** Names of a person/organisation field that may be a string, an object or an array. */
  static List<String> names(@Nullable JsonNode v) {
    List<String> out = new ArrayList<>();
    if (v == null || v.isNull()) {
      return out;
    }
    if (v.isArray()) {
      for (JsonNode item : v) {
        out.addAll(names(item));
      }
    } else if (v.isTextual()) {
      String s = v.asText().strip();
      if (!s.isEmpty()) {
        out.add(s);
      }
    } else if (v.isObject()) {
      String name = asText(v.get("name"));
      if (name != null) {
        out.add(name);
      }
    }
    return out;
  }
}
