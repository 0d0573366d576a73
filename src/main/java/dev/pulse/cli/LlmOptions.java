package dev.pulse.cli;

import dev.pulse.analyze.llm.LlmSettings;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** {@code --model}, {@code --base-url} and {@code --llm KEY=VALUE}: the LLM settings flags. */
final class LlmOptions {

  @Option(names = "--model", paramLabel = "NAME", description = "LLM model (overrides llm.model)")
  @Nullable String model;

  @Option(
      names = "--base-url",
      paramLabel = "URL",
      description = "OpenAI-compatible endpoint (overrides OPENAI_BASE_URL and llm.base_url)")
  @Nullable String baseUrl;

  @Option(
      names = "--llm",
      paramLabel = "KEY=VALUE",
      description =
          "any llm: setting for this run, e.g. --llm temperature=0.3 --llm timeout=30s"
              + " (see docs/llm.md)")
  Map<String, String> overrides = new LinkedHashMap<>();

  /** The settings with these flags applied: --llm first, then --model and --base-url. */
  LlmSettings over(LlmSettings s) {
    LlmSettings out = s.withOverrides(overrides);
    if (model != null) {
      out = out.withModel(model);
    }
    if (baseUrl != null) {
      out = out.withBaseUrl(baseUrl);
    }
    return out;
  }
}
