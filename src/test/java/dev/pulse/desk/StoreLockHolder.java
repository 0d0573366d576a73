package dev.pulse.desk;

import dev.pulse.store.StoreLock;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Another process holding a SQLite store's lock, as a {@code pulse run} from cron does: {@link
 * #start} runs it in its own JVM, which prints "held" once it has the lock and lets go when its
 * stdin closes ({@link #close}).
 */
final class StoreLockHolder implements AutoCloseable {

  private final Process process;

  private StoreLockHolder(Process process) {
    this.process = process;
  }

  /**
   * Starts a JVM that takes the lock of {@code db} as {@code command}; returns once it holds it.
   */
  static StoreLockHolder start(Path db, String command) throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    Process p =
        new ProcessBuilder(
                List.of(
                    java,
                    "-cp",
                    System.getProperty("java.class.path"),
                    "-XX:TieredStopAtLevel=1",
                    StoreLockHolder.class.getName(),
                    db.toString(),
                    command))
            .redirectErrorStream(true)
            .start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    String line;
    StringBuilder seen = new StringBuilder();
    while ((line = out.readLine()) != null) {
      if (line.equals("held")) {
        return new StoreLockHolder(p);
      }
      seen.append(line).append('\n');
    }
    p.destroyForcibly();
    throw new IllegalStateException("the lock holder did not take the lock:\n" + seen);
  }

  /** The holder's process id. */
  long pid() {
    return process.pid();
  }

  @Override
  public void close() {
    try {
      process.getOutputStream().close();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (IOException e) {
      process.destroyForcibly();
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  public static void main(String[] args) throws IOException {
    try (StoreLock lock = StoreLock.acquire(Path.of(args[0]), args[1], Duration.ZERO)) {
      System.out.println("held");
      System.out.flush();
      while (System.in.read() >= 0) {
        // hold until the parent closes stdin (or dies)
      }
    }
  }
}
