package dev.pulse.cli;

import dev.pulse.config.ConfigException;
import dev.pulse.config.PulseConfig;
import dev.pulse.pipeline.RunReport;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code pulse run}: the scheduled batch over the configured sources, then the site. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = "Run the pipeline over the configured sources and publish the site.")
final class RunCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin ConfigOption config;
  @Mixin StoreOption store;
  @Mixin AnalyzerOption analyzer;

  @Option(names = "--out", paramLabel = "DIR", description = "site output (default: out/site)")
  Path out;

  @Option(names = "--no-site", description = "do not render the site after the run")
  boolean noSite;

  @Override
  public Integer call() {
    PulseConfig cfg = config.load();
    if (cfg.sources().isEmpty()) {
      throw new ConfigException("no sources configured in " + config.file);
    }
    try (Wiring w = Wiring.open(cfg, store.setting(cfg), analyzer, false)) {
      RunReport report = w.pipeline().run("run", cfg.sources());
      spec.commandLine().getOut().print(report.summary());
      w.pacing().ifPresent(p -> spec.commandLine().getOut().println("pace: " + p));
      if (!noSite && report.fatal() == null) {
        Path site = out != null ? out : cfg.out().resolve("site");
        spec.commandLine().getOut().println(Publishing.describe(w.renderSite(site, false)));
      }
      return Wiring.exitCode(report);
    }
  }
}
