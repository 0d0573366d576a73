package dev.pulse.cli;

import dev.pulse.config.PulseConfig;
import dev.pulse.store.RunLog;
import dev.pulse.store.RunRecord;
import dev.pulse.store.StoreLocation;
import dev.pulse.store.Stores;
import dev.pulse.worker.Worker;
import dev.pulse.worker.WorkerSettings;
import dev.pulse.worker.WorkerStatus;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code pulse status}: the workers of the store (alive or dead), the item tasks by state, each
 * source's next discovery and the LLM calls of the last minute; marks the runs of dead workers
 * abandoned. Exits {@link ExitCodes#NO_WORKER} when no worker (of this host, with {@code
 * --this-host}) heartbeated within the timeout: a liveness check.
 */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description =
        "Show the workers, the tasks and the next discoveries; exit 8 when no worker is alive.")
final class StatusCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin ConfigOption config;
  @Mixin StoreOption store;

  @Option(
      names = "--this-host",
      description = "judge only the workers of this host ($HOSTNAME): a pod's liveness probe")
  boolean thisHost;

  @Override
  public Integer call() {
    PulseConfig cfg = config.load();
    WorkerSettings settings = WorkerConfig.settings(cfg.worker(), cfg.site(), 8);
    StoreLocation where = StoreLocation.parse(store.setting(cfg));
    WorkerStatus status;
    String runs;
    try (var db = Stores.dataSource(where, 1, System.getenv())) {
      Instant now = Instant.now();
      status = WorkerStatus.read(db, now, settings.heartbeatTimeout());
      runs = abandonDeadWorkersRuns(Stores.runLog(where, db), now.minus(status.timeout()));
    }
    PrintWriter out = spec.commandLine().getOut();
    out.print(render(status));
    out.print(runs);
    List<WorkerStatus.WorkerRow> alive = status.alive();
    if (thisHost) {
      String host = Worker.host();
      alive = alive.stream().filter(w -> w.host().equals(host)).toList();
    }
    return alive.isEmpty() ? ExitCodes.NO_WORKER : ExitCodes.OK;
  }

  /**
   * Marks the runs of dead workers abandoned (as the live workers do once a heartbeat timeout) so
   * that {@code pulse runs} tells the truth even when no worker is left; says which.
   */
  static String abandonDeadWorkersRuns(RunLog runs, Instant workersDeadBefore) {
    StringBuilder sb = new StringBuilder();
    try {
      for (RunRecord r : runs.abandonDeadWorkersRuns(workersDeadBefore)) {
        sb.append("run ")
            .append(r.id())
            .append(" marked abandoned: its worker (pid ")
            .append(r.pid())
            .append(" on ")
            .append(r.host())
            .append(") stopped heartbeating\n");
      }
    } catch (RuntimeException e) {
      sb.append("runs of dead workers not checked: ").append(e.getMessage()).append('\n');
    }
    return sb.toString();
  }

  /** The status as text, one fact a line. */
  static String render(WorkerStatus s) {
    StringBuilder sb = new StringBuilder();
    sb.append("workers alive: ")
        .append(s.alive().size())
        .append(" (heartbeat timeout ")
        .append(s.timeout().toSeconds())
        .append(" s)\n");
    for (WorkerStatus.WorkerRow w : s.workers()) {
      boolean alive = s.alive().contains(w);
      sb.append("  ")
          .append(alive ? "alive " : "dead  ")
          .append(w.name())
          .append("  host ")
          .append(w.host())
          .append("  pid ")
          .append(w.pid())
          .append("  since ")
          .append(w.since().truncatedTo(ChronoUnit.SECONDS))
          .append("  last heartbeat ")
          .append(ago(s.at(), w.lastHeartbeat()))
          .append('\n');
    }
    sb.append("tasks: ")
        .append(s.queued())
        .append(" queued, ")
        .append(s.running())
        .append(" running, ")
        .append(s.retrying())
        .append(" retrying\n");
    sb.append("next discoveries:\n");
    for (WorkerStatus.Next n : s.discoveries()) {
      sb.append("  ")
          .append(n.source())
          .append("  ")
          .append(
              n.pickedBy() != null
                  ? "running on " + n.pickedBy()
                  : "at " + n.at().truncatedTo(ChronoUnit.SECONDS))
          .append('\n');
    }
    sb.append("LLM, last 60 s: ")
        .append(s.llmCallsLastMinute())
        .append(" calls, ")
        .append(s.llmTokensLastMinute())
        .append(" tokens (stored entries)\n");
    return sb.toString();
  }

  private static String ago(Instant now, Instant then) {
    long s = Math.max(0, Duration.between(then, now).toSeconds());
    return s + " s ago";
  }
}
