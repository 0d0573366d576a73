package dev.pulse.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code pulse} as a real process (this JVM's java, this test's class path), its output in files,
 * so tests can kill it with real signals. Every wait is bounded.
 */
final class PulseProcess {

  final Process process;
  final Path stdout;
  final Path stderr;

  private PulseProcess(Process process, Path stdout, Path stderr) {
    this.process = process;
    this.stdout = stdout;
    this.stderr = stderr;
  }

  /**
   * Starts {@code pulse args...}; {@code shellPrefix} (e.g. "ulimit -f 300;") runs in a shell
   * before it when not null.
   */
  static PulseProcess start(
      Path dir,
      String name,
      String shellPrefix,
      Map<String, String> env,
      Map<String, String> systemProperties,
      String... args)
      throws IOException {
    List<String> cmd = javaCommand(systemProperties, args);
    if (shellPrefix != null) {
      cmd = List.of("/bin/sh", "-c", shellPrefix + " exec " + quoted(cmd));
    }
    return start(dir, name, cmd, env);
  }

  /**
   * Starts {@code pulse args...} on a pseudo-terminal (util-linux {@code script}), as a person at a
   * terminal would; the terminal's output (stdout and stderr together) goes to {@link #stdout}.
   */
  static PulseProcess startOnTerminal(
      Path dir,
      String name,
      Map<String, String> env,
      Map<String, String> properties,
      String... args)
      throws IOException {
    List<String> cmd =
        List.of("script", "-qfec", quoted(javaCommand(properties, args)), "/dev/null");
    Map<String, String> terminal = new java.util.HashMap<>(env);
    terminal.putIfAbsent("TERM", "xterm");
    return start(dir, name, cmd, terminal);
  }

  private static List<String> javaCommand(Map<String, String> properties, String... args) {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> cmd = new ArrayList<>();
    cmd.add(java);
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add("-Xshare:auto");
    cmd.add("-XX:TieredStopAtLevel=1");
    cmd.add("-XX:-UsePerfData");
    for (var p : properties.entrySet()) {
      cmd.add("-D" + p.getKey() + "=" + p.getValue());
    }
    cmd.add(PulseCli.class.getName());
    cmd.addAll(List.of(args));
    return cmd;
  }

  /** The command as one line for /bin/sh, each word single-quoted. */
  private static String quoted(List<String> cmd) {
    StringBuilder sh = new StringBuilder();
    for (String c : cmd) {
      sh.append(sh.length() == 0 ? "" : " ")
          .append('\'')
          .append(c.replace("'", "'\\''"))
          .append('\'');
    }
    return sh.toString();
  }

  private static PulseProcess start(
      Path dir, String name, List<String> cmd, Map<String, String> env) throws IOException {
    Path out = dir.resolve(name + ".out");
    Path err = dir.resolve(name + ".err");
    ProcessBuilder pb =
        new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
    pb.environment().remove("OPENAI_API_KEY");
    pb.environment().remove("OPENAI_BASE_URL");
    pb.environment().put("PULSE_LOG_LEVEL", "info");
    pb.environment().putAll(env);
    return new PulseProcess(pb.start(), out, err);
  }

  /** Waits for the exit code, killing the process if it takes longer than {@code limit}. */
  int exitCode(Duration limit) throws InterruptedException {
    if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      throw new AssertionError("pulse did not end within " + limit + "\n" + output());
    }
    return process.exitValue();
  }

  String output() {
    try {
      return "--- stdout\n" + Files.readString(stdout) + "--- stderr\n" + Files.readString(stderr);
    } catch (IOException e) {
      return e.toString();
    }
  }

  /** Waits until {@code condition} holds, failing after {@code limit}. */
  static void await(Duration limit, String what, java.util.function.BooleanSupplier condition)
      throws InterruptedException {
    long end = System.nanoTime() + limit.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("timed out after " + limit + " waiting for " + what);
      }
      Thread.sleep(50);
    }
  }
}
