package dev.pulse.analyze.llm;

import dev.pulse.config.ConfigException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.commons.text.StringSubstitutor;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One prompt file, the one way Pulse loads and fills them (the analyzer's {@link PromptTemplates}
 * and the topic roll-up's {@link TopicPrompts}): read from the prompts directory when it holds the
 * file, else from the copy built into the jar; {@code ${placeholders}} filled by Commons Text's
 * {@link StringSubstitutor} once (a value is never re-scanned for placeholders, so data cannot
 * smuggle one in); an unknown placeholder is a {@link ConfigException} naming the file.
 *
 * @param name the file's name, e.g. {@code user.txt}
 * @param template its text, placeholders unfilled
 */
record PromptFile(String name, String template) {

  private static final Logger log = LoggerFactory.getLogger(PromptFile.class);

  /**
   * The file {@code name} from {@code dir} when the directory holds it, else the built-in copy (a
   * missing directory, or one written before the file existed).
   *
   * @throws ConfigException when the file cannot be read, or is neither there nor built in
   */
  static PromptFile load(@Nullable Path dir, String name) {
    Path file = dir == null ? null : dir.resolve(name);
    if (file != null && Files.isRegularFile(file)) {
      try {
        return new PromptFile(name, Files.readString(file, StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new ConfigException("cannot read prompt file " + file + ": " + e.getMessage(), e);
      }
    }
    if (dir != null && Files.isDirectory(dir)) {
      log.info("{} has no {}: using the built-in copy", dir, name);
    }
    return new PromptFile(name, builtIn(name));
  }

  private static String builtIn(String name) {
    try (InputStream in = PromptFile.class.getResourceAsStream("/prompts/" + name)) {
      if (in == null) {
        throw new ConfigException(
            "prompt file " + name + " is neither in the prompts directory nor built in");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The template with every placeholder filled from {@code values}, stripped.
   *
   * @throws ConfigException naming the file and the known placeholders, for an unknown one
   */
  String fill(Map<String, String> values) {
    StringSubstitutor sub = new StringSubstitutor(values);
    sub.setEnableUndefinedVariableException(true);
    sub.setDisableSubstitutionInValues(true);
    try {
      return sub.replace(template).strip();
    } catch (IllegalArgumentException e) {
      throw new ConfigException(
          "prompt " + name + ": " + e.getMessage() + " (known: " + known(values) + ")");
    }
  }

  /**
   * Checks that the data placeholder sits between its delimiters, so that the instructions can say
   * where the data is and what tags it cannot contain.
   *
   * @throws ConfigException when it does not
   */
  PromptFile requireBetween(String placeholder, String open, String close) {
    int from = template.indexOf(open);
    int at = template.indexOf("${" + placeholder + "}");
    int to = template.indexOf(close);
    if (from < 0 || at < from || to < at) {
      throw new ConfigException(
          name
              + " must put ${"
              + placeholder
              + "} between "
              + open
              + " and "
              + close
              + " (the delimiters of the data)");
    }
    return this;
  }

  private static String known(Map<String, String> values) {
    return String.join(", ", values.keySet().stream().sorted().map(k -> "${" + k + "}").toList());
  }
}
