package dev.pulse.cli;

import dev.pulse.config.ConfigException;
import dev.pulse.config.PulseConfig;
import dev.pulse.pipeline.RunReport;
import dev.pulse.publish.JsonlExporter;
import dev.pulse.store.Entry;
import java.net.URI;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code pulse rerun URL}: fetch, extract, analyze and upsert one URL; print the entry. */
@Command(
    name = "rerun",
    mixinStandardHelpOptions = true,
    description = "Fetch, extract, analyze and store one URL again; print the entry as JSON.")
final class RerunCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin ConfigOption config;
  @Mixin StoreOption store;
  @Mixin AnalyzerOption analyzer;
  @Mixin WaitOption wait;

  @Parameters(index = "0", paramLabel = "URL", description = "the article's http(s) URL")
  String url;

  @Option(
      names = "--source",
      paramLabel = "NAME",
      description =
          "source name to record (default: the entry's current source, or the URL's host for a"
              + " new entry)")
  @Nullable String source;

  @Override
  public Integer call() {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw new ConfigException("not a valid URL: " + url);
    }
    if (uri.getHost() == null
        || !("http".equalsIgnoreCase(uri.getScheme())
            || "https".equalsIgnoreCase(uri.getScheme()))) {
      throw new ConfigException("not an http(s) URL: " + url);
    }
    PulseConfig cfg = config.load();
    try (Wiring w =
        Wiring.open(
            cfg,
            store.setting(cfg),
            analyzer,
            false,
            "rerun",
            wait.duration(spec.commandLine()),
            Wiring.Sharing.EXCLUSIVE)) {
      RunReport report =
          source != null
              ? w.pipeline().rerun(url, source)
              : w.pipeline().rerunKeepingSource(url, uri.getHost());
      spec.commandLine().getErr().print(report.summary());
      for (String id : report.entryIds()) {
        Entry e = w.store().entryStore().find(id).orElseThrow();
        spec.commandLine().getOut().println(JsonlExporter.toJson(e).toPrettyString());
      }
      return Wiring.exitCode(report);
    }
  }
}
