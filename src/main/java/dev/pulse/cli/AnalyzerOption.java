package dev.pulse.cli;

import dev.pulse.analyze.llm.LlmSettings;
import dev.pulse.config.PulseConfig;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code --analyzer auto|llm|embedded}, the LLM overrides and {@code --force}. */
final class AnalyzerOption {

  @Option(
      names = "--analyzer",
      paramLabel = "NAME",
      description =
          "auto (LLM when OPENAI_API_KEY or OPENAI_BASE_URL is set, else embedded), llm or"
              + " embedded (default: ${DEFAULT-VALUE})",
      defaultValue = "auto")
  String analyzer;

  @Mixin LlmOptions llmOptions = new LlmOptions();

  @Option(
      names = "--force",
      description = "analyze again even when the content and the analyzer are unchanged")
  boolean force;

  /** The config's llm: section, then the environment, then these flags. */
  LlmSettings llm(PulseConfig cfg) {
    return llmOptions.over(LlmSettings.from(cfg.llm(), System.getenv()));
  }
}
