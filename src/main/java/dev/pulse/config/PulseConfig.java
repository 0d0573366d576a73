package dev.pulse.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.pulse.cli.ConfigException;
import dev.pulse.source.SourceConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The configuration file ({@code data/sources.yml} by default): sources, paths and the settings
 * sections of the stages. Relative paths are resolved against the working directory, which is the
 * repository root when Pulse runs through {@code ./pulse}.
 *
 * @param sources the sources to discover
 * @param userAgent the User-Agent sent with every request
 * @param taxonomy the categories file
 * @param store the SQLite file
 * @param out where generated files go
 * @param fetch the {@code fetch:} section, or a missing node
 * @param llm the {@code llm:} section, or a missing node
 * @param site the {@code site:} section, or a missing node
 */
public record PulseConfig(
    List<SourceConfig> sources,
    String userAgent,
    Path taxonomy,
    Path store,
    Path out,
    JsonNode fetch,
    JsonNode llm,
    JsonNode site) {

  public static final Path DEFAULT_FILE = Path.of("data", "sources.yml");
  public static final String DEFAULT_USER_AGENT =
      "Pulse/0.1 (+https://github.com/pulse-news/pulse)";

  private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*([smhdw])");

  public PulseConfig {
    sources = List.copyOf(sources);
    fetch = fetch == null ? MissingNode.getInstance() : fetch;
    llm = llm == null ? MissingNode.getInstance() : llm;
    site = site == null ? MissingNode.getInstance() : site;
  }

  /** The defaults, with no sources: what a command without a config file works with. */
  public static PulseConfig defaults() {
    return new PulseConfig(
        List.of(),
        DEFAULT_USER_AGENT,
        Path.of("data", "categories.yml"),
        Path.of("data", "pulse.db"),
        Path.of("out"),
        null,
        null,
        null);
  }

  /** Reads a config file; throws {@link ConfigException} naming the file and the problem. */
  public static PulseConfig load(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new ConfigException("cannot read config " + file + ": " + e.getMessage(), e);
    }
    try {
      return parse(text);
    } catch (IllegalArgumentException e) {
      throw new ConfigException("invalid config " + file + ": " + e.getMessage(), e);
    }
  }

  static PulseConfig parse(String yaml) {
    JsonNode root;
    try {
      root = new ObjectMapper(new YAMLFactory()).readTree(yaml);
    } catch (IOException e) {
      throw new IllegalArgumentException("not valid YAML: " + e.getMessage(), e);
    }
    if (root == null || root.isMissingNode() || root.isNull()) {
      root = MissingNode.getInstance();
    } else if (!root.isObject()) {
      throw new IllegalArgumentException("expected a mapping at the top level");
    }
    PulseConfig d = defaults();
    List<SourceConfig> sources = new ArrayList<>();
    JsonNode list = root.path("sources");
    if (!list.isMissingNode() && !list.isArray()) {
      throw new IllegalArgumentException("'sources' must be a list");
    }
    for (JsonNode n : list) {
      sources.add(source(n));
    }
    return new PulseConfig(
        sources,
        text(root, "user_agent", d.userAgent()),
        Path.of(text(root, "taxonomy", d.taxonomy().toString())),
        Path.of(text(root, "store", d.store().toString())),
        Path.of(text(root, "out", d.out().toString())),
        root.path("fetch"),
        root.path("llm"),
        root.path("site"));
  }

  private static SourceConfig source(JsonNode n) {
    String name = text(n, "name", null);
    String typeText = text(n, "type", "feed");
    SourceConfig.Type type;
    try {
      type = SourceConfig.Type.valueOf(typeText.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "source '" + name + "': unknown type '" + typeText + "' (feed, sitemap, page, urls)");
    }
    List<String> urls = new ArrayList<>();
    n.path("urls").forEach(u -> urls.add(u.asText()));
    String lookback = text(n, "lookback", null);
    return new SourceConfig(
        name,
        type,
        text(n, "url", null),
        urls,
        text(n, "category", null),
        n.path("max_items").asInt(SourceConfig.DEFAULT_MAX_ITEMS),
        lookback == null ? null : duration(lookback));
  }

  /** Parses "90s", "30m", "48h", "7d", "2w" or an ISO-8601 duration such as "PT48H". */
  public static Duration duration(String text) {
    String t = text.strip().toLowerCase(Locale.ROOT);
    if (t.startsWith("p")) {
      return Duration.parse(t.toUpperCase(Locale.ROOT));
    }
    Matcher m = DURATION.matcher(t);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "not a duration: '" + text + "' (use e.g. 30m, 48h, 7d)");
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "s" -> Duration.ofSeconds(n);
      case "m" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      case "d" -> Duration.ofDays(n);
      default -> Duration.ofDays(7 * n);
    };
  }

  private static String text(JsonNode n, String field, String fallback) {
    JsonNode v = n.path(field);
    return v.isMissingNode() || v.isNull() ? fallback : v.asText();
  }
}
