package dev.pulse.cli;

import dev.pulse.config.ConfigException;
import dev.pulse.editorial.Account;
import dev.pulse.editorial.JdbcDeskStore;
import dev.pulse.editorial.Passwords;
import dev.pulse.editorial.Role;
import java.io.PrintWriter;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;
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

  /** What every subcommand has: the spec, the config and the store, and one desk operation. */
  abstract static class DeskCommand implements java.util.concurrent.Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin Store store;

    /**
     * Runs {@code action} on the desk of the opened store, then prints the line it returns (none
     * when null).
     */
    final Integer onDesk(java.util.function.Function<JdbcDeskStore, @Nullable String> action) {
      String said;
      try (dev.pulse.store.Store opened = store.open()) {
        said = action.apply(new JdbcDeskStore(opened));
      }
      if (said != null) {
        spec.commandLine().getOut().println(said);
      }
      return ExitCodes.OK;
    }

    PrintWriter err() {
      return spec.commandLine().getErr();
    }
  }

  /** A subcommand about one account, named by its argument. */
  abstract static class AccountCommand extends DeskCommand {
    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    String setDisabled(JdbcDeskStore s, boolean disabled) {
      if (!s.setDisabled(name, disabled)) {
        throw new ConfigException("no account '" + name + "'");
      }
      return (disabled ? "disabled " : "enabled ") + name;
    }

    void requireAccount(JdbcDeskStore s) {
      if (s.account(name).isEmpty()) {
        throw new ConfigException("no account '" + name + "'");
      }
    }
  }

  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description = "Add an account; the password is read from the terminal or stdin.")
  static final class Add extends AccountCommand {
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
      return onDesk(
          s -> {
            if (s.account(name).isPresent()) {
              throw new ConfigException("account '" + name + "' exists already");
            }
            s.addAccount(name, r, hash(err()));
            return "added " + name + " (" + r.label() + ")";
          });
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List the accounts.")
  static final class ListAccounts extends DeskCommand {
    @Override
    public Integer call() {
      return onDesk(
          s -> {
            PrintWriter out = spec.commandLine().getOut();
            for (Account a : s.accounts()) {
              out.printf(
                  "%s\t%s\t%s\t%s%n",
                  a.name(), a.role().label(), a.disabled() ? "disabled" : "active", a.createdAt());
            }
            return null;
          });
    }
  }

  @Command(
      name = "disable",
      mixinStandardHelpOptions = true,
      description =
          "Disable an account: it can no longer sign in, and its open sessions end at"
              + " their next request.")
  static final class Disable extends AccountCommand {
    @Override
    public Integer call() {
      return onDesk(s -> setDisabled(s, true));
    }
  }

  @Command(
      name = "enable",
      mixinStandardHelpOptions = true,
      description = "Enable a disabled account again.")
  static final class Enable extends AccountCommand {
    @Override
    public Integer call() {
      return onDesk(s -> setDisabled(s, false));
    }
  }

  @Command(
      name = "reset",
      mixinStandardHelpOptions = true,
      description = "Set a new password (read from the terminal or stdin).")
  static final class Reset extends AccountCommand {
    @Override
    public Integer call() {
      return onDesk(
          s -> {
            requireAccount(s);
            s.setPasswordHash(name, hash(err()));
            return "password reset for " + name;
          });
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
