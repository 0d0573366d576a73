package dev.pulse.cli;

import dev.pulse.analyze.llm.LlmSettings;
import dev.pulse.config.PulseConfig;
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

  @Option(names = "--model", paramLabel = "NAME", description = "LLM model (overrides llm.model)")
  String model;

  @Option(
      names = "--base-url",
      paramLabel = "URL",
      description = "OpenAI-compatible endpoint (overrides OPENAI_BASE_URL and llm.base_url)")
  String baseUrl;

  @Option(
      names = "--llm",
      paramLabel = "KEY=VALUE",
      description =
          "any llm: setting for this run, e.g. --llm temperature=0.3 --llm timeout=30s"
              + " (see docs/llm.md)")
  java.util.Map<String, String> llmOverrides = new java.util.LinkedHashMap<>();

  @Option(
      names = "--force",
      description = "analyze again even when the content and the analyzer are unchanged")
  boolean force;

  /** The config's llm: section, then the environment, then these flags. */
  LlmSettings llm(PulseConfig cfg) {
    LlmSettings s = LlmSettings.from(cfg.llm(), System.getenv()).withOverrides(llmOverrides);
    if (model != null) {
      s = s.withModel(model);
    }
    if (baseUrl != null) {
      s = s.withBaseUrl(baseUrl);
    }
    return s;
  }
}
