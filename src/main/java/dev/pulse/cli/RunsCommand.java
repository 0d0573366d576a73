package dev.pulse.cli;

import dev.pulse.config.PulseConfig;
import dev.pulse.store.ItemFailure;
import dev.pulse.store.RunRecord;
import dev.pulse.store.Store;
import dev.pulse.store.StoreLocation;
import dev.pulse.store.StoreLock;
import java.io.PrintWriter;
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
 * {@code pulse runs [--failures]}: the run history with its figures, newest first, and who holds
 * the store now; with {@code --failures}, the last run's failures grouped by stage and reason.
 */
@Command(
    name = "runs",
    mixinStandardHelpOptions = true,
    description =
        "Show the run history (status, figures, stop reason) and the run holding the store.")
final class RunsCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin ConfigOption config;
  @Mixin StoreOption store;

  @Option(
      names = "--failures",
      description = "the last run's failures, grouped by stage and reason")
  boolean failures;

  @Option(
      names = "--limit",
      paramLabel = "N",
      defaultValue = "20",
      description = "runs to show (default: ${DEFAULT-VALUE})")
  int limit;

  @Override
  public Integer call() {
    PulseConfig cfg = config.load();
    PrintWriter out = spec.commandLine().getOut();
    try (Store s = store.openReadOnly(cfg)) {
      StoreLock.holder(StoreLocation.parse(store.setting(cfg)), System.getenv())
          .ifPresent(h -> out.println("in progress: " + h.describe()));
      List<RunRecord> runs = s.runLog().runs();
      if (failures) {
        if (!runs.isEmpty()) {
          printFailures(out, runs.get(0), s.runLog().failures(runs.get(0).id()));
        }
        return ExitCodes.OK;
      }
      for (RunRecord r : runs.subList(0, Math.min(limit, runs.size()))) {
        out.println(line(r));
      }
    }
    return ExitCodes.OK;
  }

  /**
   * "12 run ok 2026-11-30T14:00:00Z 41.2 s stored=30 failed=0 queued=0 ... (pid 4711 on news-1)".
   */
  static String line(RunRecord r) {
    StringBuilder sb = new StringBuilder();
    sb.append(r.id()).append(' ').append(r.command()).append(' ').append(r.status()).append(' ');
    sb.append(r.startedAt());
    if (r.finishedAt() != null) {
      double seconds = Duration.between(r.startedAt(), r.finishedAt()).toMillis() / 1000.0;
      sb.append(String.format(java.util.Locale.ROOT, " %.1f s", seconds));
    }
    for (String key :
        List.of(
            "discovered",
            "retried",
            "merged",
            "stored",
            "unchanged",
            "duplicate",
            "failed",
            "queued")) {
      Integer n = r.counts().get(key);
      if (n != null && n > 0) {
        sb.append(' ').append(key).append('=').append(n);
      }
    }
    if (r.usage().calls() > 0) {
      sb.append(
          String.format(
              java.util.Locale.ROOT, " llm=%d $%.4f", r.usage().calls(), r.usage().costUsd()));
    }
    if (r.pid() > 0) {
      sb.append(" (pid ").append(r.pid()).append(" on ").append(r.host()).append(')');
    }
    if (r.stopReason() != null) {
      sb.append(" — ").append(r.stopReason());
    }
    return sb.toString();
  }

  private static void printFailures(PrintWriter out, RunRecord run, List<ItemFailure> list) {
    out.println("run " + run.id() + " (" + run.status() + "): " + list.size() + " failures");
    Map<String, List<ItemFailure>> byReason = new LinkedHashMap<>();
    for (ItemFailure f : list) {
      byReason.computeIfAbsent(f.stage() + " " + f.reason(), k -> new ArrayList<>()).add(f);
    }
    byReason.entrySet().stream()
        .sorted((a, b) -> b.getValue().size() - a.getValue().size())
        .forEach(
            e -> {
              out.println("  " + e.getValue().size() + " × " + e.getKey());
              e.getValue().stream()
                  .limit(3)
                  .forEach(f -> out.println("      " + f.url() + " — " + f.message()));
            });
  }
}
