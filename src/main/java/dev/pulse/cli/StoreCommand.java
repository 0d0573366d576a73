package dev.pulse.cli;

import dev.pulse.store.Store;
import dev.pulse.store.StoreCopy;
import dev.pulse.store.Stores;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code pulse store}: migrate a store, copy one store into another. */
@Command(
    name = "store",
    mixinStandardHelpOptions = true,
    description = "Look after the store: migrate its schema, copy it to another store.",
    subcommands = {StoreCommand.Migrate.class, StoreCommand.Copy.class})
final class StoreCommand {

  /**
   * {@code pulse store migrate}: brings the store's schema up to date (writing commands do too).
   */
  @Command(
      name = "migrate",
      mixinStandardHelpOptions = true,
      description = "Create or migrate the store's schema to this version of Pulse.")
  static final class Migrate implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ConfigOption config;
    @Mixin StoreOption store;

    @Override
    public Integer call() {
      try (Store s = Stores.open(store.setting(config.load()), Stores.Access.WRITE)) {
        spec.commandLine().getOut().println("store " + s.location() + " is up to date");
      }
      return ExitCodes.OK;
    }
  }

  /** {@code pulse store copy --from A --to B}: copies everything, idempotently. */
  @Command(
      name = "copy",
      mixinStandardHelpOptions = true,
      description =
          "Copy everything (entries, runs, failures, alternates, fingerprints, validators,"
              + " vectors, retry queue) from one store to another, e.g. from the SQLite file to"
              + " PostgreSQL. Copying again changes nothing. Prints the rows on both sides.")
  static final class Copy implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(
        names = "--from",
        required = true,
        paramLabel = "STORE",
        description = "the store to read (not changed)")
    String from;

    @Option(
        names = "--to",
        required = true,
        paramLabel = "STORE",
        description = "the store to write (created or migrated first)")
    String to;

    @Override
    public Integer call() {
      StoreOption source = new StoreOption();
      source.db = StoreOption.checked(from, "--from");
      try (Store a = source.openReadOnly(dev.pulse.config.PulseConfig.defaults());
          Store b = Stores.open(StoreOption.checked(to, "--to"), Stores.Access.WRITE)) {
        StoreCopy.copy(a, b);
        Map<String, Long> left = StoreCopy.counts(a);
        Map<String, Long> right = StoreCopy.counts(b);
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%-14s %10s %10s%n", "table", "from", "to");
        for (String table : left.keySet()) {
          out.printf("%-14s %10d %10d%n", table, left.get(table), right.get(table));
        }
        out.println("copied " + a.location() + " to " + b.location());
      }
      return ExitCodes.OK;
    }
  }
}
