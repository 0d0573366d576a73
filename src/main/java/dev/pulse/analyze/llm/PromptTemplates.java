package dev.pulse.analyze.llm;

import dev.pulse.analyze.ArticleText;
import dev.pulse.analyze.Category;
import dev.pulse.analyze.Taxonomy;

import dev.pulse.config.ConfigException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.commons.text.StringSubstitutor;

/**
 * The prompt files ({@code system.txt}, {@code user.txt}, {@code repair.txt}) filled in with
 * Commons Text's {@link StringSubstitutor}. Article fields are substituted only into the user
 * message, once (never re-scanned for placeholders), and stripped of the {@code <article>}
 * delimiter tags so that a hostile text cannot close its block early.
 */
final class PromptTemplates {

  static final String SYSTEM_FILE = "system.txt";
  static final String USER_FILE = "user.txt";
  static final String REPAIR_FILE = "repair.txt";
  static final String OPEN = "<article>";
  static final String CLOSE = "</article>";

  private static final Pattern DELIMITER_TAG = Pattern.compile("(?i)<\\s*/?\\s*article\\b[^>]*>");
  private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\n\\t]]");

  private final String userTemplate;
  private final String repairTemplate;
  private final Map<String, String> common;
  private final String system;
  private final String version;

  private PromptTemplates(
      String systemTemplate, String userTemplate, String repairTemplate, Taxonomy taxonomy, LlmLimits limits) {
    this.userTemplate = userTemplate;
    this.repairTemplate = repairTemplate;
    this.common = commonValues(taxonomy, limits);
    this.system = fill(SYSTEM_FILE, systemTemplate, common);
    this.version = hash(systemTemplate, userTemplate, repairTemplate, common);
    if (!userTemplate.contains(OPEN) || !userTemplate.contains(CLOSE)
        || userTemplate.indexOf(OPEN) > userTemplate.indexOf("${text}")
        || userTemplate.indexOf(CLOSE) < userTemplate.indexOf("${text}")) {
      throw new ConfigException(
          USER_FILE + " must put ${text} between " + OPEN + " and " + CLOSE + " (the article delimiters)");
    }
    user(ArticleText.of("check", "t", "x"), 1000);
    repair("check");
  }

  /** Templates from text, for tests and for the built-in copies. */
  static PromptTemplates of(
      String system, String user, String repair, Taxonomy taxonomy, LlmLimits limits) {
    return new PromptTemplates(system, user, repair, taxonomy, limits);
  }

  /**
   * Reads the three files from {@code dir}; when the directory does not exist, the copies built into
   * the jar are used.
   *
   * @throws ConfigException when a file is missing or holds an unknown placeholder
   */
  static PromptTemplates load(Path dir, Taxonomy taxonomy, LlmLimits limits) {
    if (Files.isDirectory(dir)) {
      return of(read(dir, SYSTEM_FILE), read(dir, USER_FILE), read(dir, REPAIR_FILE), taxonomy, limits);
    }
    return of(
        resource(SYSTEM_FILE), resource(USER_FILE), resource(REPAIR_FILE), taxonomy, limits);
  }

  /** First 12 hex digits of the SHA-256 of the templates, the taxonomy and the limits. */
  String version() {
    return version;
  }

  /** The system message: instructions, taxonomy and limits; never any article text. */
  String system() {
    return system;
  }

  /** The user message: the article, cut to {@code tokenBudget}, between the delimiters. */
  String user(ArticleText article, int tokenBudget) {
    String title = LlmInputBudget.title(clean(article.title()));
    Map<String, String> values = new HashMap<>(common);
    values.put("title", title.isEmpty() ? "(none)" : title);
    values.put("source", orUnknown(clean(article.source())));
    values.put("published", article.published() == null ? "unknown" : article.published().toString());
    values.put("text", LlmInputBudget.text(title, clean(article.text()), tokenBudget));
    return fill(USER_FILE, userTemplate, values);
  }

  /** The follow-up message after an invalid reply. */
  String repair(String error) {
    Map<String, String> values = new HashMap<>(common);
    values.put("error", error);
    return fill(REPAIR_FILE, repairTemplate, values);
  }

  /** Article fields lose delimiter tags and control characters (keeping newlines and tabs). */
  static String clean(String s) {
    if (s == null) {
      return null;
    }
    return CONTROL.matcher(DELIMITER_TAG.matcher(s).replaceAll("")).replaceAll("");
  }

  private static Map<String, String> commonValues(Taxonomy taxonomy, LlmLimits limits) {
    StringBuilder tax = new StringBuilder();
    for (Category c : taxonomy.categories()) {
      tax.append("- ").append(c.name());
      if (!c.description().isEmpty()) {
        tax.append(": ").append(c.description().replaceAll("\\s+", " "));
      }
      tax.append('\n');
    }
    Map<String, String> m = new HashMap<>();
    m.put("taxonomy", tax.toString().strip());
    m.put("category_names", String.join(", ", taxonomy.names()));
    m.put("summary_min_sentences", Integer.toString(limits.summaryMinSentences()));
    m.put("summary_max_sentences", Integer.toString(limits.summaryMaxSentences()));
    m.put("summary_max_words", Integer.toString(limits.summaryMaxWords()));
    m.put("note_max_sentences", Integer.toString(limits.noteMaxSentences()));
    m.put("note_max_words", Integer.toString(limits.noteMaxWords()));
    m.put("max_topics", Integer.toString(limits.maxTopics()));
    return Map.copyOf(m);
  }

  static String fill(String file, String template, Map<String, String> values) {
    StringSubstitutor sub = new StringSubstitutor(values);
    sub.setEnableUndefinedVariableException(true);
    sub.setDisableSubstitutionInValues(true);
    try {
      return sub.replace(template).strip();
    } catch (IllegalArgumentException e) {
      throw new ConfigException("prompt " + file + ": " + e.getMessage() + " (known: " + known(values) + ")");
    }
  }

  private static String known(Map<String, String> values) {
    return String.join(", ", values.keySet().stream().sorted().map(k -> "${" + k + "}").toList());
  }

  private static String hash(String system, String user, String repair, Map<String, String> common) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (String part : new String[] {system, user, repair}) {
        sha.update(part.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
      }
      common.entrySet().stream()
          .sorted(Map.Entry.comparingByKey())
          .forEach(e -> sha.update((e.getKey() + "=" + e.getValue() + "\0").getBytes(StandardCharsets.UTF_8)));
      return HexFormat.of().formatHex(sha.digest()).substring(0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JRE", e);
    }
  }

  private static String orUnknown(String s) {
    return s == null || s.isBlank() ? "unknown" : s.strip();
  }

  static String read(Path dir, String name) {
    Path file = dir.resolve(name);
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ConfigException("cannot read prompt file " + file + ": " + e.getMessage(), e);
    }
  }

  static String resource(String name) {
    try (InputStream in = PromptTemplates.class.getResourceAsStream("/prompts/" + name)) {
      if (in == null) {
        throw new ConfigException("prompt file " + name + " is neither in the prompts directory nor built in");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
