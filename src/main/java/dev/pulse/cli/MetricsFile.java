package dev.pulse.cli;

import dev.pulse.pipeline.Outcome;
import dev.pulse.pipeline.RunReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * {@code --metrics-file FILE}: the run's figures as OpenMetrics text, for node_exporter's textfile
 * collector (point it at the folder; name the file {@code pulse.prom}). Written to a temporary file
 * and renamed, so the collector never reads half a file. All values are gauges of the last run.
 */
final class MetricsFile {

  private static final List<String> STATUSES = List.of("ok", "partial", "failed", "interrupted");

  private MetricsFile() {}

  static String format(RunReport r, Instant finished) {
    StringBuilder sb = new StringBuilder();
    gauge(sb, "pulse_run_items", "Items of the last run by outcome.");
    for (Outcome o : Outcome.values()) {
      sb.append("pulse_run_items{outcome=\"")
          .append(o.key())
          .append("\"} ")
          .append(r.count(o))
          .append('\n');
    }
    gauge(
        sb, "pulse_run_status", "1 for the last run's status (ok, partial, failed, interrupted).");
    for (String s : STATUSES) {
      sb.append("pulse_run_status{status=\"")
          .append(s)
          .append("\"} ")
          .append(s.equals(r.status()) ? 1 : 0)
          .append('\n');
    }
    single(sb, "pulse_run_llm_calls", "LLM calls of the last run.", r.usage().calls());
    gauge(sb, "pulse_run_llm_tokens", "LLM tokens of the last run, by direction.");
    sb.append("pulse_run_llm_tokens{direction=\"in\"} ")
        .append(r.usage().inputTokens())
        .append('\n');
    sb.append("pulse_run_llm_tokens{direction=\"out\"} ")
        .append(r.usage().outputTokens())
        .append('\n');
    single(
        sb,
        "pulse_run_llm_cost_usd",
        "LLM cost of the last run in US dollars.",
        r.usage().costUsd());
    single(
        sb,
        "pulse_run_duration_seconds",
        "Wall-clock time of the last run.",
        r.elapsed().toMillis() / 1000.0);
    single(
        sb,
        "pulse_run_last_finished_timestamp_seconds",
        "When the last run ended (Unix time).",
        finished.getEpochSecond());
    sb.append("# EOF\n");
    return sb.toString();
  }

  static void write(Path file, RunReport report) throws IOException {
    Path abs = file.toAbsolutePath();
    if (abs.getParent() != null) {
      Files.createDirectories(abs.getParent());
    }
    Path tmp = abs.resolveSibling("." + abs.getFileName() + ".tmp");
    Files.writeString(tmp, format(report, Instant.now()), StandardCharsets.UTF_8);
    Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static void gauge(StringBuilder sb, String name, String help) {
    sb.append("# HELP ").append(name).append(' ').append(help).append('\n');
    sb.append("# TYPE ").append(name).append(" gauge\n");
  }

  private static void single(StringBuilder sb, String name, String help, double value) {
    gauge(sb, name, help);
    sb.append(name).append(' ');
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      sb.append((long) value);
    } else {
      sb.append(String.format(Locale.ROOT, "%.6f", value));
    }
    sb.append('\n');
  }
}
