package dev.pulse.analyze.llm;

import dev.pulse.analyze.ArticleText;
import dev.pulse.analyze.Category;
import dev.pulse.analyze.Taxonomy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The analyzer's prompt files ({@code system.txt}, {@code user.txt}, {@code repair.txt}), loaded
 * and filled as every prompt file is ({@link PromptFile}). Article fields are substituted only into
 * the user message, once (never re-scanned for placeholders), and stripped of the {@code <article>}
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

  private final PromptFile user;
  private final PromptFile repair;
  private final Map<String, String> common;
  private final String system;
  private final String version;

  private PromptTemplates(
      PromptFile system, PromptFile user, PromptFile repair, Taxonomy taxonomy, LlmLimits limits) {
    this.user = user.requireBetween("text", OPEN, CLOSE);
    this.repair = repair;
    this.common = commonValues(taxonomy, limits);
    this.system = system.fill(common);
    this.version = hash(system.template(), user.template(), repair.template(), common);
    user(ArticleText.of("check", "t", "x"), 1000);
    repair("check");
  }

  /** Templates from text, for tests. */
  static PromptTemplates of(
      String system, String user, String repair, Taxonomy taxonomy, LlmLimits limits) {
    return new PromptTemplates(
        new PromptFile(SYSTEM_FILE, system),
        new PromptFile(USER_FILE, user),
        new PromptFile(REPAIR_FILE, repair),
        taxonomy,
        limits);
  }

  /**
   * Reads the three files from {@code dir} ({@link PromptFile#load}: a file the directory lacks is
   * the copy built into the jar).
   *
   * @throws dev.pulse.config.ConfigException when a file holds an unknown placeholder
   */
  static PromptTemplates load(Path dir, Taxonomy taxonomy, LlmLimits limits) {
    return new PromptTemplates(
        PromptFile.load(dir, SYSTEM_FILE),
        PromptFile.load(dir, USER_FILE),
        PromptFile.load(dir, REPAIR_FILE),
        taxonomy,
        limits);
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
    values.put(
        "published", article.published() == null ? "unknown" : article.published().toString());
    values.put("text", LlmInputBudget.text(title, clean(article.text()), tokenBudget));
    return user.fill(values);
  }

  /** The follow-up message after an invalid reply. */
  String repair(String error) {
    Map<String, String> values = new HashMap<>(common);
    values.put("error", error);
    return repair.fill(values);
  }

  /** Article fields lose delimiter tags and control characters (keeping newlines and tabs). */
  static @Nullable String clean(@Nullable String s) {
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

  private static String hash(
      String system, String user, String repair, Map<String, String> common) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (String part : new String[] {system, user, repair}) {
        sha.update(part.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
      }
      common.entrySet().stream()
          .sorted(Map.Entry.comparingByKey())
          .forEach(
              e ->
                  sha.update(
                      (e.getKey() + "=" + e.getValue() + "\0").getBytes(StandardCharsets.UTF_8)));
      return HexFormat.of().formatHex(sha.digest()).substring(0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JRE", e);
    }
  }

  private static String orUnknown(@Nullable String s) {
    return s == null || s.isBlank() ? "unknown" : s.strip();
  }
}
