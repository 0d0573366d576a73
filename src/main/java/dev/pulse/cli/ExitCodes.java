package dev.pulse.cli;

import dev.pulse.PulseException;
import dev.pulse.config.ConfigException;
import picocli.CommandLine;

/**
 * Exit codes, in one place (listed in README and docs/operations.md): 0 ok; 1 the run finished but
 * some items failed; 2 bad usage (unknown flag, missing argument); 3 bad configuration or input
 * file; 4 fatal error during the run (store unwritable, credentials rejected); 5 unexpected
 * internal error; 6 another run holds the store; 7 interrupted (SIGTERM/SIGINT or the time budget),
 * the items not finished are queued for the next run; 8 ({@code pulse status}) no worker has
 * heartbeaten within the timeout.
 */
public final class ExitCodes {

  public static final int OK = 0;
  public static final int PARTIAL = 1;
  public static final int USAGE = 2;
  public static final int CONFIG = 3;
  public static final int FATAL = 4;
  public static final int INTERNAL = 5;
  public static final int BUSY = 6;
  public static final int INTERRUPTED = 7;
  public static final int NO_WORKER = 8;

  private ExitCodes() {}

  static int forException(Throwable t) {
    if (t instanceof CommandLine.ParameterException) {
      return USAGE;
    }
    if (t instanceof ConfigException) {
      return CONFIG;
    }
    if (t instanceof dev.pulse.store.StoreLock.Busy) {
      return BUSY;
    }
    if (t instanceof PulseException.Fatal || ioFailure(t)) {
      return FATAL;
    }
    return INTERNAL;
  }

  private static boolean ioFailure(Throwable t) {
    return t instanceof java.io.IOException || t instanceof java.io.UncheckedIOException;
  }

  /** "permission denied: /x/y" rather than Java's bare path for the common file errors. */
  static String describe(Throwable io) {
    if (io instanceof java.nio.file.AccessDeniedException a) {
      return "permission denied: " + a.getFile();
    }
    if (io instanceof java.nio.file.NoSuchFileException n) {
      return "no such file or folder: " + n.getFile();
    }
    if (io instanceof java.nio.file.FileSystemException f) {
      return f.getFile()
          + ": "
          + (f.getReason() == null ? f.getClass().getSimpleName() : f.getReason());
    }
    return String.valueOf(io.getMessage());
  }

  /** Prints a one-line message instead of a stack trace for Pulse's own errors. */
  static final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(
        Exception ex, CommandLine cmd, CommandLine.ParseResult parseResult) {
      if (ex instanceof PulseException) {
        cmd.getErr().println("pulse: " + ex.getMessage());
      } else if (ioFailure(ex)) {
        // a file that cannot be written (read-only folder, full disk): the user's to fix, no bug
        Throwable io = ex instanceof java.io.UncheckedIOException ? ex.getCause() : ex;
        cmd.getErr().println("pulse: cannot write output: " + describe(io));
      } else {
        cmd.getErr().println("pulse: internal error: " + ex);
        ex.printStackTrace(cmd.getErr());
      }
      cmd.getErr().flush();
      return forException(ex);
    }
  }
}
