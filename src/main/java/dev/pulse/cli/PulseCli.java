package dev.pulse.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code pulse} command. {@link #execute(String...)} runs the whole CLI in-process and returns
 * the exit code, so tests drive it exactly as a user would.
 */
@Command(
    name = "pulse",
    mixinStandardHelpOptions = true,
    versionProvider = PulseCli.Version.class,
    description = "AI-curated news pipeline: discover, fetch, extract, analyze, store, publish.",
    footerHeading = "%nExit codes:%n",
    footer = {
      "  0  success",
      "  1  finished, but some items failed (each recorded with its stage and reason)",
      "  2  bad usage: unknown option, missing argument",
      "  3  bad configuration or input (config, taxonomy, input file, URL)",
      "  4  the run was stopped (store unwritable, LLM credentials rejected)",
      "  5  internal error",
      "  6  another run holds the store (its host, pid and start are named; see --wait)",
      "  7  interrupted (SIGTERM, SIGINT or run.max_duration): the rest is queued for the next run",
      "",
      "Run 'pulse COMMAND --help' for a command's options. Logs go to stderr;",
      "PULSE_LOG_LEVEL=info or debug shows more."
    },
    subcommands = {
      CommandLine.HelpCommand.class,
      DemoCommand.class,
      RunCommand.class,
      RerunCommand.class,
      ExtractCommand.class,
      AnalyzeCommand.class,
      EvalCommand.class,
      ExportCommand.class,
      RunsCommand.class,
      SiteCommand.class,
      StoreCommand.class,
      ServeCommand.class,
      UsersCommand.class,
      WorkerCommand.class,
      StatusCommand.class
    })
public final class PulseCli {

  public static void main(String[] args) {
    Signals.standalone();
    System.exit(execute(args));
  }

  /** Runs the CLI with the process's stdout and stderr. */
  public static int execute(String... args) {
    return execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
  }

  /** Runs the CLI writing results to {@code out} and messages to {@code err}. */
  public static int execute(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cli = new CommandLine(new PulseCli());
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler(new ExitCodes.ErrorHandler());
    cli.setExitCodeExceptionMapper(ExitCodes::forException);
    try {
      return cli.execute(args);
    } finally {
      out.flush();
      err.flush();
    }
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = PulseCli.class.getPackage().getImplementationVersion();
      return new String[] {"pulse " + (v == null ? "dev" : v)};
    }
  }
}
