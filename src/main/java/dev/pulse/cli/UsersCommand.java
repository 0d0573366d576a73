package dev.pulse.cli;

import dev.pulse.config.ConfigException;
import dev.pulse.editorial.Account;
import dev.pulse.editorial.JdbcDeskStore;
import dev.pulse.editorial.Passwords;
import dev.pulse.editorial.Role;
import java.io.PrintWriter;
import java.util.Arrays;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code pulse users}: the desk's accounts. Passwords are read from the terminal or stdin, never
 * from an argument; they are hashed with Argon2id and never printed or logged.
 */
@Command(
    name = "users",
    mixinStandardHelpOptions = true,
    description = "Manage the accounts of the editorial desk (pulse serve).",
    subcommands = {
      UsersCommand.Add.class,
      UsersCommand.ListAccounts.class,
      UsersCommand.Disable.class,
      UsersCommand.Enable.class,
      UsersCommand.Reset.class
    })
final class UsersCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
    throw new picocli.CommandLine.ParameterException(
        spec.commandLine(), "missing subcommand: add, list, disable, enable or reset");
  }

  /** Options every subcommand shares: the config and the store. */
  static class Store {
    @Mixin ConfigOption config;
    @Mixin StoreOption store;

    dev.pulse.store.Store open() {
      return store.openForWriting(config.load());
    }
  }

  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description = "Add an account; the password is read from the terminal or stdin.")
  static final class Add implements java.util.concurrent.Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin Store store;

    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    @Option(
        names = "--role",
        paramLabel = "ROLE",
        defaultValue = "editor",
        description = "editor or admin (default: ${DEFAULT-VALUE})")
    String role;

    @Override
    public Integer call() {
      Role r = parse(role);
      check(name);
      try (dev.pulse.store.Store opened = store.open()) {
        JdbcDeskStore s = new JdbcDeskStore(opened);
        if (s.account(name).isPresent()) {
          throw new ConfigException("account '" + name + "' exists already");
        }
        s.addAccount(name, r, hash(spec.commandLine().getErr()));
      }
      spec.commandLine().getOut().println("added " + name + " (" + r.label() + ")");
      return ExitCodes.OK;
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List the accounts.")
  static final class ListAccounts implements java.util.concurrent.Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin Store store;

    @Override
    public Integer call() {
      try (dev.pulse.store.Store opened = store.open()) {
        JdbcDeskStore s = new JdbcDeskStore(opened);
        PrintWriter out = spec.commandLine().getOut();
        for (Account a : s.accounts()) {
          out.printf(
              "%s\t%s\t%s\t%s%n",
              a.name(), a.role().label(), a.disabled() ? "disabled" : "active", a.createdAt());
        }
      }
      return ExitCodes.OK;
    }
  }

  @Command(
      name = "disable",
      mixinStandardHelpOptions = true,
      description =
          "Disable an account: it can no longer sign in, and its open sessions end at"
              + " their next request.")
  static final class Disable implements java.util.concurrent.Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin Store store;

    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    @Override
    public Integer call() {
      return setDisabled(spec, store, name, true);
    }
  }

  @Command(
      name = "enable",
      mixinStandardHelpOptions = true,
      description = "Enable a disabled account again.")
  static final class Enable implements java.util.concurrent.Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin Store store;

    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    @Override
    public Integer call() {
      return setDisabled(spec, store, name, false);
    }
  }

  private static int setDisabled(CommandSpec spec, Store store, String name, boolean disabled) {
    try (dev.pulse.store.Store opened = store.open()) {
      JdbcDeskStore s = new JdbcDeskStore(opened);
      if (!s.setDisabled(name, disabled)) {
        throw new ConfigException("no account '" + name + "'");
      }
    }
    spec.commandLine().getOut().println((disabled ? "disabled " : "enabled ") + name);
    return ExitCodes.OK;
  }

  @Command(
      name = "reset",
      mixinStandardHelpOptions = true,
      description = "Set a new password (read from the terminal or stdin).")
  static final class Reset implements java.util.concurrent.Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin Store store;

    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    @Override
    public Integer call() {
      try (dev.pulse.store.Store opened = store.open()) {
        JdbcDeskStore s = new JdbcDeskStore(opened);
        if (s.account(name).isEmpty()) {
          throw new ConfigException("no account '" + name + "'");
        }
        s.setPasswordHash(name, hash(spec.commandLine().getErr()));
      }
      spec.commandLine().getOut().println("password reset for " + name);
      return ExitCodes.OK;
    }
  }

  private static Role parse(String role) {
    try {
      return Role.parse(role);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(e.getMessage(), e);
    }
  }

  private static void check(String name) {
    try {
      Account.checkName(name);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(e.getMessage(), e);
    }
  }

  private static String hash(PrintWriter err) {
    char[] password = PasswordInput.read(err);
    try {
      return Passwords.hash(password);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(e.getMessage(), e);
    } finally {
      Arrays.fill(password, ' ');
    }
  }
}
