package dev.pulse.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.pulse.source.OpmlImport;
import dev.pulse.source.SourceConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The configuration file ({@code data/sources.yml} by default): sources, paths and the settings
 * sections of the stages. Relative paths are resolved against the working directory, which is the
 * repository root when Pulse runs through {@code ./pulse}.
 *
 * <p>A section given as null is read as a missing node, so the section accessors never return null
 * though their type says {@code @Nullable} (it is the constructor's parameter too).
 *
 * @param sources the sources to discover
 * @param userAgent the User-Agent sent with every request
 * @param taxonomy the categories file
 * @param store the store: a SQLite file, or a PostgreSQL URL (see {@code
 *     dev.pulse.store.StoreLocation})
 * @param out where generated files go
 * @param fetch the {@code fetch:} section, or a missing node
 * @param llm the {@code llm:} section, or a missing node
 * @param site the {@code site:} section, or a missing node
 * @param run the {@code run:} section (time budget, grace period), or a missing node
 * @param review the {@code review:} mode of the desk (required or optional; null: optional)
 * @param desk the {@code desk:} section of {@code pulse serve}, or a missing node
 * @param worker the {@code worker:} section of {@code pulse worker}, or a missing node
 */
public record PulseConfig(
    List<SourceConfig> sources,
    String userAgent,
    Path taxonomy,
    String store,
    Path out,
    @Nullable JsonNode fetch,
    @Nullable JsonNode llm,
    @Nullable JsonNode site,
    @Nullable String review,
    @Nullable JsonNode desk,
    @Nullable JsonNode run,
    @Nullable JsonNode worker) {

  public static final Path DEFAULT_FILE = Path.of("data", "sources.yml");
  public static final String DEFAULT_USER_AGENT =
      "Pulse/0.1 (+https://github.com/pulse-news/pulse)";

  private static final Set<String> TOP_KEYS =
      Set.of(
          "user_agent",
          "taxonomy",
          "store",
          "out",
          "sources",
          "opml",
          "fetch",
          "llm",
          "site",
          "review",
          "desk",
          "run",
          "worker");
  private static final Set<String> SOURCE_KEYS =
      Set.of("name", "type", "url", "urls", "category", "max_items", "lookback", "schedule");

  public PulseConfig {
    sources = List.copyOf(sources);
    fetch = fetch == null ? MissingNode.getInstance() : fetch;
    llm = llm == null ? MissingNode.getInstance() : llm;
    site = site == null ? MissingNode.getInstance() : site;
    desk = desk == null ? MissingNode.getInstance() : desk;
    run = run == null ? MissingNode.getInstance() : run;
    worker = worker == null ? MissingNode.getInstance() : worker;
    if (review != null && !review.matches("(?i)required|optional")) {
      throw new IllegalArgumentException(
          "review: unknown mode '" + review + "' (required, optional)");
    }
  }

  /** The defaults, with no sources: what a command without a config file works with. */
  public static PulseConfig defaults() {
    return of(List.of(), Path.of("data", "categories.yml"), "data/pulse.db", Path.of("out"));
  }

  /** These sources, taxonomy, store and output folder, every section at its defaults. */
  public static PulseConfig of(List<SourceConfig> sources, Path taxonomy, String store, Path out) {
    return new PulseConfig(
        sources,
        DEFAULT_USER_AGENT,
        taxonomy,
        store,
        out,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  /** Reads a config file; throws {@link ConfigException} naming the file and the problem. */
  public static PulseConfig load(Path file) {
    return load(file, Path.of("."));
  }

  static PulseConfig load(Path file, Path base) {
    String text;
    try {
      text = Files.readString(file);
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new ConfigException(
          "cannot read config " + file + ": it is not UTF-8 text; save it as UTF-8 and run again",
          e);
    } catch (IOException e) {
      throw new ConfigException("cannot read config " + file + ": " + e.getMessage(), e);
    }
    try {
      return parse(text, base);
    } catch (IllegalArgumentException e) {
      throw new ConfigException("invalid config " + file + ": " + e.getMessage(), e);
    }
  }

  static PulseConfig parse(String yaml) {
    return parse(yaml, Path.of("."));
  }

  /**
   * @param base the folder relative {@code opml:} files are read from (the config file's folder is
   *     not used: paths are relative to the working directory, like every other path here)
   */
  static PulseConfig parse(String yaml, Path base) {
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
    checkKeys(root, TOP_KEYS, "");
    PulseConfig d = defaults();
    List<SourceConfig> sources = new ArrayList<>();
    JsonNode list = root.path("sources");
    if (!list.isMissingNode() && !list.isArray()) {
      throw new IllegalArgumentException("'sources' must be a list");
    }
    for (JsonNode n : list) {
      sources.add(source(n));
    }
    sources.addAll(opml(root.path("opml"), base));
    List<String> names = sources.stream().map(SourceConfig::name).toList();
    for (String name : names) {
      if (names.indexOf(name) != names.lastIndexOf(name)) {
        throw new IllegalArgumentException("two sources are named '" + name + "'");
      }
    }
    return new PulseConfig(
        sources,
        text(root, "user_agent", d.userAgent()),
        Path.of(text(root, "taxonomy", d.taxonomy().toString())),
        text(root, "store", d.store()),
        Path.of(text(root, "out", d.out().toString())),
        root.path("fetch"),
        root.path("llm"),
        root.path("site"),
        text(root, "review", null),
        root.path("desk"),
        root.path("run"),
        root.path("worker"));
  }

  private static SourceConfig source(JsonNode n) {
    if (!n.isObject()) {
      throw new IllegalArgumentException("each source must be a mapping with a name");
    }
    String name = text(n, "name", null);
    checkKeys(n, SOURCE_KEYS, "source '" + name + "': ");
    JsonNode max = n.path("max_items");
    if (!max.isMissingNode() && !max.canConvertToInt()) {
      throw new IllegalArgumentException(
          "source '" + name + "': max_items must be a whole number, not '" + max.asText() + "'");
    }
    String typeText = text(n, "type", "feed");
    SourceConfig.Type type;
    try {
      type = SourceConfig.Type.valueOf(typeText.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "source '" + name + "': unknown type '" + typeText + "' (feed, sitemap, page, urls)");
    }
    List<String> urls = new ArrayList<>();
    JsonNode urlList = n.path("urls");
    if (!urlList.isMissingNode() && !urlList.isNull() && !urlList.isArray()) {
      throw new IllegalArgumentException(
          "source '" + name + "': urls must be a list of URLs, like [https://example.org/a]");
    }
    for (JsonNode u : urlList) {
      if (!u.isTextual()) {
        throw new IllegalArgumentException(
            "source '" + name + "': each of urls must be a URL, not " + u);
      }
      urls.add(u.asText());
    }
    String lookback = text(n, "lookback", null);
    Duration lookbackDuration;
    try {
      lookbackDuration = lookback == null ? null : duration(lookback);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "source '"
              + name
              + "': lookback: '"
              + lookback
              + "' is not a duration; write it with a"
              + " unit, like 48h, 7d or 90m",
          e);
    }
    String schedule = text(n, "schedule", null);
    if (schedule != null) {
      try {
        Cron.parse(schedule);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("source '" + name + "': schedule: " + e.getMessage(), e);
      }
    }
    return new SourceConfig(
        name,
        type,
        text(n, "url", null),
        urls,
        text(n, "category", null),
        n.path("max_items").asInt(SourceConfig.DEFAULT_MAX_ITEMS),
        lookbackDuration,
        schedule);
  }

  /** Feed sources from OPML files ({@code opml: file} or a list of files): an editor's export. */
  private static List<SourceConfig> opml(JsonNode node, Path base) {
    List<SourceConfig> out = new ArrayList<>();
    List<String> files = new ArrayList<>();
    if (node.isTextual()) {
      files.add(node.asText());
    } else {
      node.forEach(f -> files.add(f.asText()));
    }
    for (String f : files) {
      Path file = base.resolve(f);
      try {
        out.addAll(OpmlImport.parse(Files.readAllBytes(file)));
      } catch (IOException e) {
        throw new IllegalArgumentException("cannot read OPML file " + file + ": " + e, e);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("OPML file " + file + ": " + e.getMessage(), e);
      }
    }
    return out;
  }

  private static void checkKeys(JsonNode node, Set<String> known, String where) {
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!known.contains(key)) {
        throw new IllegalArgumentException(
            where
                + "unknown key '"
                + key
                + "' (known: "
                + String.join(", ", new TreeSet<>(known))
                + ")");
      }
    }
  }

  /**
   * Parses "500ms", "90s", "30m", "48h", "7d", "2w" or an ISO-8601 duration such as "PT48H": the
   * one duration syntax of the file (see {@link Section#parseDuration}).
   */
  public static Duration duration(String text) {
    return Section.parseDuration(text);
  }

  /** A scalar setting as text; a list or mapping where one value belongs is an error naming it. */
  private static @Nullable String text(JsonNode n, String field, @Nullable String fallback) {
    JsonNode v = n.path(field);
    if (v.isMissingNode() || v.isNull()) {
      return fallback;
    }
    if (v.isContainerNode()) {
      throw new IllegalArgumentException(
          "'"
              + field
              + "' must be a single value, not a "
              + (v.isArray() ? "list" : "mapping")
              + " ("
              + v
              + ")");
    }
    return v.asText();
  }
}
