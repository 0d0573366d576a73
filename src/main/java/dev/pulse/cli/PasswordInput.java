package dev.pulse.cli;

import dev.pulse.config.ConfigException;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A password from the terminal (not echoed, asked twice) or, when stdin is not a terminal, the
 * first line of stdin. Never from an argument, where it would land in the shell's history and the
 * process list.
 */
final class PasswordInput {

  private PasswordInput() {}

  static char[] read(PrintWriter err) {
    Console console = System.console();
    if (console != null) {
      char[] first = console.readPassword("Password: ");
      char[] second = console.readPassword("Again: ");
      if (first == null || second == null || !Arrays.equals(first, second)) {
        throw new ConfigException("the two passwords differ");
      }
      Arrays.fill(second, ' ');
      return first;
    }
    try {
      BufferedReader in =
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      String line = in.readLine();
      if (line == null || line.isEmpty()) {
        throw new ConfigException("no password on stdin (give it as the first line)");
      }
      return line.toCharArray();
    } catch (IOException e) {
      throw new ConfigException("cannot read the password from stdin: " + e.getMessage(), e);
    }
  }
}
