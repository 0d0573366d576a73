package dev.pulse.cli;

import dev.pulse.config.ConfigException;
import dev.pulse.config.PulseConfig;
import dev.pulse.demo.DemoOriginals;
import dev.pulse.demo.DemoServer;
import dev.pulse.pipeline.RunReport;
import dev.pulse.source.SourceConfig;
import dev.pulse.store.Entry;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code pulse demo}: serves {@code data/demo/} on 127.0.0.1 and runs the whole pipeline against it
 * over HTTP, then writes the entries and the site. Needs no network and no key.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = "Run the whole pipeline on the bundled demo site, offline, and publish it.")
final class DemoCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin AnalyzerOption analyzer;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "output folder (default: ${DEFAULT-VALUE})",
      defaultValue = "out/demo")
  Path out;

  @Option(
      names = "--data",
      paramLabel = "DIR",
      description = "demo site to serve (default: ${DEFAULT-VALUE})",
      defaultValue = "data/demo")
  Path data;

  @Option(
      names = "--taxonomy",
      paramLabel = "FILE",
      description = "categories file (default: ${DEFAULT-VALUE})",
      defaultValue = "data/categories.yml")
  Path taxonomy;

  @Option(names = "--fresh", description = "start from an empty store instead of reusing it")
  boolean fresh;

  @Override
  public Integer call() throws IOException {
    if (!Files.isDirectory(data)) {
      throw new ConfigException(
          "demo folder not found: " + data + " (run pulse from the repository root)");
    }
    PrintWriter stdout = spec.commandLine().getOut();
    // the demo is offline by promise: it uses the LLM only when asked for by name, never because
    // a key or base URL happens to be in the environment
    if (!spec.commandLine().getParseResult().hasMatchedOption("--analyzer")) {
      analyzer.analyzer = "embedded";
    }
    Path db = out.resolve("pulse.db");
    if (fresh) {
      for (String suffix : List.of("", "-wal", "-shm")) {
        Files.deleteIfExists(out.resolve("pulse.db" + suffix));
      }
    }
    try (DemoServer server = DemoServer.start(data)) {
      PulseConfig cfg = PulseConfig.of(sources(server.baseUrl()), taxonomy, db.toString(), out);
      stdout.println("demo site served at " + server.baseUrl());
      try (Wiring w =
          Wiring.open(
              cfg,
              db.toString(),
              analyzer,
              true,
              "demo",
              Duration.ZERO,
              Wiring.Sharing.EXCLUSIVE)) {
        RunReport report = w.pipeline().run("demo", cfg.sources());
        stdout.print(report.summary());
        if (report.fatal() == null) {
          Path entries = out.resolve("entries.jsonl");
          ExportCommand.writeFile(w.store().entryStore(), entries);
          Path site = out.resolve("site");
          Map<String, String> publications = new LinkedHashMap<>();
          for (Entry e : w.store().entryStore().entries()) {
            publications.put(e.url(), e.siteName() != null ? e.siteName() : e.source());
          }
          Map<String, String> copies = DemoOriginals.write(data, site, publications);
          stdout.println(w.renderSite(site, true, copies, report.runId()).describe());
          Files.writeString(
              out.resolve("index.html"), redirect("site/index.html"), StandardCharsets.UTF_8);
          stdout.println("entries: " + entries);
          stdout.println("site:    " + out.resolve("index.html"));
        }
        return Wiring.exitCode(report);
      }
    }
  }

  private List<SourceConfig> sources(String base) {
    List<SourceConfig> list = new ArrayList<>();
    list.add(SourceConfig.feed("Pulse Demo Wire", base + "/feed.xml"));
    if (Files.exists(data.resolve("atom.xml"))) {
      list.add(SourceConfig.feed("Pulse Demo Atom", base + "/atom.xml"));
    }
    return list;
  }

  private static String redirect(String target) {
    return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<meta http-equiv=\"refresh\" content=\"0; url="
        + target
        + "\"><title>Pulse demo</title></head><body><p><a href=\""
        + target
        + "\">Open the Pulse demo site</a></p></body></html>\n";
  }
}
