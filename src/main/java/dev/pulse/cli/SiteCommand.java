package dev.pulse.cli;

import dev.pulse.analyze.llm.LlmSettings;
import dev.pulse.config.ConfigException;
import dev.pulse.config.PulseConfig;
import dev.pulse.editorial.JdbcDeskStore;
import dev.pulse.publish.SiteReport;
import dev.pulse.store.Store;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code pulse site}: renders the static site and feeds from the store. */
@Command(
    name = "site",
    mixinStandardHelpOptions = true,
    description = "Render the static site and its Atom and JSON feeds from the store.")
final class SiteCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin ConfigOption config;
  @Mixin StoreOption store;

  @Option(names = "--out", paramLabel = "DIR", description = "output folder (default: out/site)")
  @Nullable Path out;

  @Option(
      names = "--roll-ups",
      paramLabel = "NAME",
      description =
          "trending-topic roll-ups: auto (LLM when OPENAI_API_KEY or OPENAI_BASE_URL is set, else"
              + " extractive), llm or extractive (default: ${DEFAULT-VALUE})",
      defaultValue = "auto")
  String rollUps;

  @Override
  public Integer call() {
    PulseConfig cfg = config.load();
    Path dir = out != null ? out : cfg.out().resolve("site");
    try {
      Publishing.settings(cfg.site());
    } catch (IllegalArgumentException | java.time.DateTimeException e) {
      throw new ConfigException("invalid config: site: " + e.getMessage(), e);
    }
    String choice = rollUps.strip().toLowerCase(java.util.Locale.ROOT);
    if (!List.of("auto", "llm", "extractive").contains(choice)) {
      throw new ConfigException(
          "unknown --roll-ups '" + rollUps + "'; use auto, llm or extractive");
    }
    LlmSettings llm = LlmSettings.from(cfg.llm(), System.getenv());
    if (choice.equals("llm") && !llm.configured()) {
      throw new ConfigException(
          "--roll-ups llm needs OPENAI_API_KEY (or OPENAI_BASE_URL for a local OpenAI-compatible server)");
    }
    try (Store s = store.openReadOnly(cfg)) {
      SiteReport report =
          Publishing.renderSite(
              s.entryStore(),
              s.vectorCache(),
              new JdbcDeskStore(s),
              cfg,
              dir,
              false,
              Publishing.topicSummarizer(choice, llm),
              java.util.Map.of());
      spec.commandLine().getOut().println(Publishing.describe(report));
    }
    return ExitCodes.OK;
  }
}
