package dev.pulse.pipeline;

import dev.pulse.analyze.Usage;
import dev.pulse.store.ItemFailure;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * What a run did.
 *
 * @param runId the run's number in the store
 * @param command what started it
 * @param analyzer the analyzer that ran, with its model
 * @param counts items per outcome (see {@link Outcome})
 * @param usage LLM calls, tokens and cost of the run
 * @param elapsed wall-clock time
 * @param failures the items that failed or were skipped, with reasons
 * @param entryIds ids of the entries the run stored or found unchanged, in no particular order
 * @param fatal the message that stopped the run early, or null
 * @param interrupted why the run stopped taking items (a signal, the time budget), or null
 */
public record RunReport(
    long runId,
    String command,
    String analyzer,
    Map<String, Integer> counts,
    Usage usage,
    Duration elapsed,
    List<ItemFailure> failures,
    List<String> entryIds,
    @Nullable String fatal,
    @Nullable String interrupted) {

  public RunReport {
    counts = Map.copyOf(counts);
    failures = List.copyOf(failures);
    entryIds = List.copyOf(entryIds);
  }

  /** This report with LLM usage spent on the run's behalf after it finished added. */
  public RunReport plusUsage(Usage more) {
    return new RunReport(
        runId,
        command,
        analyzer,
        counts,
        usage.plus(more),
        elapsed,
        failures,
        entryIds,
        fatal,
        interrupted);
  }

  public int count(Outcome outcome) {
    return counts.getOrDefault(outcome.key(), 0);
  }

  /**
   * "ok", "partial" when some items failed or were queued (the LLM or a host was not answering),
   * "failed" when a fatal error stopped the run, "interrupted" when a signal or the time budget did
   * (its items are queued).
   */
  public String status() {
    if (fatal != null) {
      return "failed";
    }
    if (interrupted != null) {
      return "interrupted";
    }
    // items queued because the LLM or a host stopped answering did not get done either
    return count(Outcome.FAILED) > 0 || count(Outcome.QUEUED) > 0 ? "partial" : "ok";
  }

  /** A few lines for people, printed at the end of a run. */
  public String summary() {
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            "run %d (%s) %s in %.1f s with %s%n",
            runId, command, status(), elapsed.toMillis() / 1000.0, analyzer));
    sb.append("  ");
    new TreeMap<>(counts).forEach((k, v) -> sb.append(k).append('=').append(v).append(' '));
    sb.append(System.lineSeparator());
    if (usage.calls() > 0) {
      sb.append(
          String.format(
              "  llm: %d calls, %d tokens in, %d out, $%.4f%n",
              usage.calls(), usage.inputTokens(), usage.outputTokens(), usage.costUsd()));
    }
    for (ItemFailure f : failures) {
      sb.append("  ")
          .append(f.stage())
          .append(' ')
          .append(f.reason())
          .append(": ")
          .append(f.url())
          .append(" — ")
          .append(f.message())
          .append(System.lineSeparator());
    }
    if (fatal != null) {
      sb.append("  stopped: ").append(fatal).append(System.lineSeparator());
    }
    if (interrupted != null) {
      sb.append("  interrupted: ")
          .append(interrupted)
          .append("; ")
          .append(count(Outcome.QUEUED))
          .append(" items queued for the next run")
          .append(System.lineSeparator());
    }
    return sb.toString();
  }
}
