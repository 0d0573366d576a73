package dev.pulse.cli;

import dev.pulse.pipeline.RunProgress;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shows how far a run is. On a terminal: one line on stderr, redrawn in place twice a second
 * ("40/100 items, 2.1/s, about 29 s left") and cleared at the end; log lines clear it before they
 * are written ({@link LogEncoder}). Not on a terminal (cron, a pipe, a log collector): no line to
 * redraw, only a plain log line at INFO every {@link #PLAIN_EVERY}, so logs stay one event per line
 * (and JSON with {@code PULSE_LOG_FORMAT=json}).
 */
final class ProgressLine implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ProgressLine.class);

  /** How often a plain progress line is logged when stderr is not a terminal. */
  static final Duration PLAIN_EVERY = Duration.ofSeconds(30);

  private static final Duration REDRAW_EVERY = Duration.ofMillis(500);

  /** Erases the current terminal line: back to its start, clear to its end. */
  static final String CLEAR = "\r\033[K";

  /** True while a progress line may be on the terminal: log lines clear it first. */
  private static volatile boolean onScreen;

  private final ScheduledExecutorService timer;
  private final @Nullable PrintStream terminal;

  private ProgressLine(
      Supplier<RunProgress.Snapshot> progress, @Nullable PrintStream terminal, Duration every) {
    this.terminal = terminal;
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "progress");
              t.setDaemon(true);
              return t;
            });
    long ms = every.toMillis();
    timer.scheduleAtFixedRate(() -> show(progress.get()), ms, ms, TimeUnit.MILLISECONDS);
  }

  /** Starts showing the run's progress the way stderr calls for. */
  static ProgressLine start(RunProgress progress) {
    return interactive()
        ? new ProgressLine(progress::snapshot, System.err, REDRAW_EVERY)
        : new ProgressLine(progress::snapshot, null, PLAIN_EVERY);
  }

  /** For tests: redraws on {@code terminal}, or logs plain lines when it is null. */
  static ProgressLine start(
      Supplier<RunProgress.Snapshot> progress, @Nullable PrintStream terminal, Duration every) {
    return new ProgressLine(progress, terminal, every);
  }

  /**
   * A terminal a person watches: a console (Java sees one when stdin and stdout are terminals) that
   * is not a dumb one (TERM=dumb: Emacs shells and the like, where the line could not be redrawn).
   */
  static boolean interactive() {
    return System.console() != null && !"dumb".equals(System.getenv("TERM"));
  }

  static boolean onScreen() {
    return onScreen;
  }

  private void show(RunProgress.Snapshot s) {
    if (terminal == null) {
      log.info("progress: {}", describe(s));
      return;
    }
    synchronized (terminal) {
      onScreen = true;
      terminal.print(CLEAR + describe(s));
      terminal.flush();
    }
  }

  /** "40/100 items, 2.1/s, about 29 s left"; pure. */
  static String describe(RunProgress.Snapshot s) {
    StringBuilder sb = new StringBuilder();
    sb.append(s.done()).append('/').append(s.total()).append(" items");
    if (s.done() > 0) {
      sb.append(", ").append(String.format(Locale.ROOT, "%.1f/s", s.rate()));
    }
    Duration eta = s.eta();
    if (eta != null && s.done() < s.total()) {
      sb.append(", about ").append(span(eta)).append(" left");
    }
    return sb.toString();
  }

  /** "45 s", "3 min 20 s", "2 h 5 min". */
  static String span(Duration d) {
    long s = Math.max(0, (d.toMillis() + 500) / 1000);
    if (s < 60) {
      return s + " s";
    }
    if (s < 3600) {
      return s / 60 + " min" + (s % 60 == 0 ? "" : " " + s % 60 + " s");
    }
    return s / 3600 + " h" + (s % 3600 / 60 == 0 ? "" : " " + s % 3600 / 60 + " min");
  }

  /** Stops and, on a terminal, erases the line. */
  @Override
  public void close() {
    timer.shutdownNow();
    try {
      timer.awaitTermination(1, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (terminal != null) {
      synchronized (terminal) {
        terminal.print(CLEAR);
        terminal.flush();
        onScreen = false;
      }
    }
  }
}
