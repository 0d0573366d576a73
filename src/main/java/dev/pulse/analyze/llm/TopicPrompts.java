package dev.pulse.analyze.llm;

import dev.pulse.config.ConfigException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The prompt files of the trending-topic roll-up ({@code topic-system.txt}, {@code
 * topic-user.txt}), loaded and filled as every prompt file is ({@link PromptFile}). The stories are
 * substituted only into the user message, between {@code <stories>} and {@code </stories>}, with
 * those tags removed from the stories themselves so that a hostile summary cannot close the block
 * early.
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
  private final PromptFile user;
  private final int maxWords;

  private TopicPrompts(PromptFile system, PromptFile user, int maxWords) {
    this.maxWords = maxWords;
    if (system.template().contains("${stories}") || system.template().contains("${label}")) {
      throw new ConfigException(
          SYSTEM_FILE + " must not carry ${stories} or ${label}: stories are data");
    }
    this.system = system.fill(common(maxWords));
    this.user = user.requireBetween("stories", OPEN, CLOSE);
    user("check", List.of(new OpenAiTopicSummarizer.Story("t", "s", "x")));
  }

  static TopicPrompts of(String system, String user, int maxWords) {
    return new TopicPrompts(
        new PromptFile(SYSTEM_FILE, system), new PromptFile(USER_FILE, user), maxWords);
  }

  /**
   * Reads the two files from {@code dir} ({@link PromptFile#load}: a file the directory lacks is
   * the copy built into the jar).
   */
  static TopicPrompts load(Path dir, int maxWords) {
    return new TopicPrompts(
        PromptFile.load(dir, SYSTEM_FILE), PromptFile.load(dir, USER_FILE), maxWords);
  }

  /** The system message: instructions and limits, never any story text. */
  String system() {
    return system;
  }

  int maxWords() {
    return maxWords;
  }

  /**
   * The user message: the label and the first {@link #MAX_STORIES} stories between the delimiters.
   */
  String user(String label, List<OpenAiTopicSummarizer.Story> stories) {
    StringBuilder block = new StringBuilder();
    int n = 0;
    for (OpenAiTopicSummarizer.Story s : stories) {
      if (n == MAX_STORIES) {
        break;
      }
      n++;
      block
          .append("Story ")
          .append(n)
          .append('\n')
          .append("Title: ")
          .append(orNone(LlmInputBudget.title(clean(s.title()))))
          .append('\n')
          .append("Source: ")
          .append(orNone(clean(s.source())))
          .append('\n')
          .append("Summary: ")
          .append(orNone(words(clean(s.summary()), SUMMARY_MAX_WORDS)))
          .append("\n\n");
    }
    Map<String, String> values = new java.util.HashMap<>(common(maxWords));
    values.put("label", orNone(clean(label)));
    values.put("stories", block.toString().strip());
    return user.fill(values);
  }

  /** Story fields lose delimiter tags and control characters, and white space is collapsed. */
  static @Nullable String clean(@Nullable String s) {
    if (s == null) {
      return null;
    }
    String t = DELIMITER_TAG.matcher(s).replaceAll("");
    return CONTROL.matcher(t.replaceAll("\\s+", " ")).replaceAll("").strip();
  }

  private static Map<String, String> common(int maxWords) {
    return Map.of("max_words", Integer.toString(maxWords));
  }

  private static @Nullable String words(@Nullable String text, int max) {
    if (text == null) {
      return null;
    }
    String[] w = text.split(" ");
    return w.length <= max
        ? text
        : String.join(" ", List.of(w).subList(0, max)) + LlmInputBudget.CUT_MARK;
  }

  private static String orNone(@Nullable String s) {
    return s == null || s.isBlank() ? "(none)" : s;
  }
}
