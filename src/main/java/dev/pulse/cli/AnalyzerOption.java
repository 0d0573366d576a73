package dev.pulse.cli;

import picocli.CommandLine.Option;

/** {@code --analyzer auto|llm|embedded} and {@code --force}. */
final class AnalyzerOption {

  @Option(
      names = "--analyzer",
      paramLabel = "NAME",
      description =
          "auto (LLM when OPENAI_API_KEY or OPENAI_BASE_URL is set, else embedded), llm or"
              + " embedded (default: ${DEFAULT-VALUE})",
      defaultValue = "auto")
  String analyzer;

  @Option(
      names = "--force",
      description = "analyze again even when the content and the analyzer are unchanged")
  boolean force;
}
