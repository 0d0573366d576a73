package dev.pulse.cli;

import dev.pulse.config.PulseConfig;
import dev.pulse.publish.SiteReport;
import dev.pulse.store.SqliteEntryStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

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
  Path out;

  @Override
  public Integer call() {
    PulseConfig cfg = config.load();
    Path db = store.db != null ? store.db : cfg.store();
    if (!Files.exists(db)) {
      throw new ConfigException(
          "store not found: " + db + " (run 'pulse run' or 'pulse demo' first)");
    }
    Path dir = out != null ? out : cfg.out().resolve("site");
    try {
      Publishing.settings(cfg.site());
    } catch (IllegalArgumentException | java.time.DateTimeException e) {
      throw new ConfigException("invalid config: site: " + e.getMessage(), e);
    }
    try (SqliteEntryStore s = SqliteEntryStore.open(db)) {
      SiteReport report = Publishing.renderSite(s, cfg, dir, false);
      spec.commandLine().getOut().println(Publishing.describe(report));
    }
    return ExitCodes.OK;
  }
}
