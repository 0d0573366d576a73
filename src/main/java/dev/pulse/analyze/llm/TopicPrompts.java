package dev.pulse.analyze.llm;

import dev.pulse.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The prompt files of the trending-topic roll-up ({@code topic-system.txt}, {@code topic-user.txt}),
 * filled in like the analyzer's (see {@link PromptTemplates}). The stories are substituted only into
 * the user message, between {@code <stories>} and {@code </stories>}, with those tags removed from
 * the stories themselves so that a hostile summary cannot close the block early.
 */
final class TopicPrompts {

  static final String SYSTEM_FILE = "topic-system.txt";
  static final String USER_FILE = "topic-user.txt";
  static final String OPEN = "<stories>";
  static final String CLOSE = "</stories>";

  /** Most stories sent per topic, and the most words of each summary. */
  static final int MAX_STORIES = 8;

  static final int SUMMARY_MAX_WORDS = 80;

  private static final Pattern DELIMITER_TAG =
      Pattern.compile("(?i)<\\s*/?\\s*(?:stories|story|article)\\b[^>]*>");
  private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

  private final String system;
  private final String userTemplate;
  private final int maxWords;

  private TopicPrompts(String systemTemplate, String userTemplate, int maxWords) {
    this.maxWords = maxWords;
    this.system = PromptTemplates.fill(SYSTEM_FILE, systemTemplate, common(maxWords));
    this.userTemplate = userTemplate;
    int open = userTemplate.indexOf(OPEN);
    int at = userTemplate.indexOf("${stories}");
    int close = userTemplate.indexOf(CLOSE);
    if (open < 0 || at < open || close < at) {
      throw new ConfigException(
          USER_FILE + " must put ${stories} between " + OPEN + " and " + CLOSE + " (the delimiters)");
    }
    if (systemTemplate.contains("${stories}") || systemTemplate.contains("${label}")) {
      throw new ConfigException(SYSTEM_FILE + " must not carry ${stories} or ${label}: stories are data");
    }
    user("check", List.of(new OpenAiTopicSummarizer.Story("t", "s", "x")));
  }

  static TopicPrompts of(String system, String user, int maxWords) {
    return new TopicPrompts(system, user, maxWords);
  }

  /**
   * Reads the two files from {@code dir}; a file the directory lacks (or a missing directory) is
   * taken from the copy built into the jar.
   */
  static TopicPrompts load(Path dir, int maxWords) {
    return of(file(dir, SYSTEM_FILE), file(dir, USER_FILE), maxWords);
  }

  /** The system message: instructions and limits, never any story text. */
  String system() {
    return system;
  }

  int maxWords() {
    return maxWords;
  }

  /** The user message: the label and the first {@link #MAX_STORIES} stories between the delimiters. */
  String user(String label, List<OpenAiTopicSummarizer.Story> stories) {
    StringBuilder block = new StringBuilder();
    int n = 0;
    for (OpenAiTopicSummarizer.Story s : stories) {
      if (n == MAX_STORIES) {
        break;
      }
      n++;
      block.append("Story ").append(n).append('\n')
          .append("Title: ").append(orNone(LlmInputBudget.title(clean(s.title())))).append('\n')
          .append("Source: ").append(orNone(clean(s.source()))).append('\n')
          .append("Summary: ").append(orNone(words(clean(s.summary()), SUMMARY_MAX_WORDS))).append("\n\n");
    }
    Map<String, String> values = new java.util.HashMap<>(common(maxWords));
    values.put("label", orNone(clean(label)));
    values.put("stories", block.toString().strip());
    return PromptTemplates.fill(USER_FILE, userTemplate, values);
  }

  /** Story fields lose delimiter tags and control characters, and white space is collapsed. */
  static String clean(String s) {
    if (s == null) {
      return null;
    }
    String t = DELIMITER_TAG.matcher(s).replaceAll("");
    return CONTROL.matcher(t.replaceAll("\\s+", " ")).replaceAll("").strip();
  }

  private static Map<String, String> common(int maxWords) {
    return Map.of("max_words", Integer.toString(maxWords));
  }

  private static String words(String text, int max) {
    if (text == null) {
      return null;
    }
    String[] w = text.split(" ");
    return w.length <= max ? text : String.join(" ", List.of(w).subList(0, max)) + LlmInputBudget.CUT_MARK;
  }

  private static String orNone(String s) {
    return s == null || s.isBlank() ? "(none)" : s;
  }

  private static String file(Path dir, String name) {
    return dir != null && Files.isRegularFile(dir.resolve(name))
        ? PromptTemplates.read(dir, name)
        : PromptTemplates.resource(name);
  }
}
