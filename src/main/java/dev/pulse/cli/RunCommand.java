package dev.pulse.cli;

import dev.pulse.analyze.Usage;
import dev.pulse.config.ConfigException;
import dev.pulse.config.PulseConfig;
import dev.pulse.pipeline.RunControl;
import dev.pulse.pipeline.RunReport;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
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
  @Mixin WaitOption wait;

  @Option(names = "--out", paramLabel = "DIR", description = "site output (default: out/site)")
  @Nullable Path out;

  @Option(names = "--no-site", description = "do not render the site after the run")
  boolean noSite;

  @Option(
      names = "--metrics-file",
      paramLabel = "FILE",
      description =
          "write the run's figures as OpenMetrics text (for node_exporter's textfile collector)")
  @Nullable Path metricsFile;

  @Override
  public Integer call() {
    PulseConfig cfg = config.load();
    if (cfg.sources().isEmpty()) {
      throw new ConfigException("no sources configured in " + config.file);
    }
    RunControl control;
    try {
      control = RunConfig.control(cfg.run());
    } catch (ConfigException e) {
      throw new ConfigException("invalid config " + config.file + ": " + e.getMessage(), e);
    }
    try (Wiring w =
            Wiring.open(
                cfg,
                store.setting(cfg),
                analyzer,
                false,
                "run",
                wait.duration(spec.commandLine()),
                Wiring.Sharing.EXCLUSIVE);
        Signals signals = Signals.onStop(control::requestStop, control.grace())) {
      RunReport report;
      try (ProgressLine progress = ProgressLine.start(control.progress())) {
        report = w.pipeline().run("run", cfg.sources(), control);
      }
      spec.commandLine().getOut().print(report.summary());
      w.pacing().ifPresent(p -> spec.commandLine().getOut().println("pace: " + p));
      Usage rollUps = Usage.NONE;
      try {
        if (!noSite && report.fatal() == null && report.interrupted() == null) {
          Path site = out != null ? out : cfg.out().resolve("site");
          Wiring.Rendered rendered = w.renderSite(site, false, Map.of(), report.runId());
          spec.commandLine().getOut().println(rendered.describe());
          rollUps = rendered.rollUps();
        }
      } finally {
        if (metricsFile != null) {
          try {
            MetricsFile.write(metricsFile, report.plusUsage(rollUps));
          } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        }
      }
      return Wiring.exitCode(report);
    }
  }
}
