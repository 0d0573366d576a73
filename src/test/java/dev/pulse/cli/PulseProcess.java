package dev.pulse.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
      java.util.Map<String, String> env,
      java.util.Map<String, String> systemProperties,
      String... args)
      throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> cmd = new ArrayList<>();
    cmd.add(java);
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add("-Xshare:auto");
    cmd.add("-XX:TieredStopAtLevel=1");
    cmd.add("-XX:-UsePerfData");
    for (var p : systemProperties.entrySet()) {
      cmd.add("-D" + p.getKey() + "=" + p.getValue());
    }
    cmd.add(PulseCli.class.getName());
    cmd.addAll(List.of(args));
    if (shellPrefix != null) {
      StringBuilder sh = new StringBuilder(shellPrefix).append(" exec");
      for (String c : cmd) {
        sh.append(" '").append(c.replace("'", "'\\''")).append('\'');
      }
      cmd = List.of("/bin/sh", "-c", sh.toString());
    }
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
