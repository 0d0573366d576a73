package dev.pulse.cli;

import dev.pulse.config.PulseConfig;
import dev.pulse.publish.JsonlExporter;
import dev.pulse.store.EntryStore;
import dev.pulse.store.Store;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code pulse export}: the curated entries as JSON lines. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = "Write the curated entries as JSON lines (fields: see README).")
final class ExportCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin ConfigOption config;
  @Mixin StoreOption store;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = "output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})",
      defaultValue = "jsonl")
  Format format;

  @Option(names = "--out", paramLabel = "FILE", description = "output file (default: stdout)")
  @Nullable Path out;

  enum Format {
    jsonl
  }

  @Override
  public Integer call() throws IOException {
    PulseConfig cfg = config.load();
    try (Store s = store.openReadOnly(cfg)) {
      if (out == null) {
        PrintWriter w = spec.commandLine().getOut();
        JsonlExporter.write(s.entryStore().entries(), w);
      } else {
        int n = writeFile(s.entryStore(), out);
        spec.commandLine().getErr().println("wrote " + n + " entries to " + out);
      }
    }
    return ExitCodes.OK;
  }

  /** Writes the entries to a file; returns how many. */
  static int writeFile(EntryStore s, Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    var entries = s.entries();
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      JsonlExporter.write(entries, w);
    }
    return entries.size();
  }
}
