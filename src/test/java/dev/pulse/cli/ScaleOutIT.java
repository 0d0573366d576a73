package dev.pulse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three {@code pulse worker} processes on one PostgreSQL store, 300 articles on 6 loopback hosts
 * and an LLM that allows 300 requests a minute; one worker is killed with SIGKILL mid-run and
 * another started. Everything is stored exactly once, the hosts' delay and the LLM's minute held
 * across all workers together, and {@code pulse status} accounts for every task.
 */
class ScaleOutIT {

  private static final int HOSTS = 6;
  private static final int PER_HOST = 50;
  private static final Duration HOST_DELAY = Duration.ofMillis(250);
  private static final int RPM = 300;

  @TempDir Path dir;

  private static final long T0 = System.nanoTime();

  private static void mark(String what) {
    System.out.printf("ScaleOutIT %6.1f s: %s%n", (System.nanoTime() - T0) / 1e9, what);
  }

  @Test
  void threeWorkersShareTheWorkAndTheLimitsAndSurviveAKill() throws Exception {
    try (ScaleRig rig =
        new ScaleRig(dir, HOSTS, PER_HOST, HOST_DELAY, 100, RPM, 6, Duration.ofSeconds(6))) {
      PulseProcess first = rig.startWorker();
      PulseProcess second = rig.startWorker();
      PulseProcess third = rig.startWorker();
      PulseProcess.await(Duration.ofSeconds(60), "40 entries stored", () -> safeCount(rig) >= 40);

      second.process.destroyForcibly(); // SIGKILL, mid-item
      second.process.waitFor();
      PulseProcess fourth = rig.startWorker();
      mark("one killed, a fourth started");

      PulseProcess.await(
          Duration.ofSeconds(150),
          "all 300 entries stored",
          () -> safeCount(rig) >= HOSTS * PER_HOST);
      mark("300 stored");
      // the tasks of the killed worker were revived; nothing is left over
      PulseProcess.await(
          Duration.ofSeconds(30),
          "no item task left",
          () -> rig.count("SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = 'item'") == 0);

      mark("no task left");
      java.nio.file.Path keep = java.nio.file.Path.of("target", "scale-it");
      java.nio.file.Files.createDirectories(keep);
      for (String f :
          new String[] {"worker-0.err", "worker-1.err", "worker-2.err", "worker-3.err"}) {
        java.nio.file.Files.copy(
            dir.resolve(f), keep.resolve(f), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
      assertThat(rig.entries()).isEqualTo(HOSTS * PER_HOST);
      assertThat(rig.count("SELECT COUNT(DISTINCT url) FROM entries")).isEqualTo(HOSTS * PER_HOST);
      assertThat(rig.hosts.closestRequests())
          .as(rig.hosts.closestPair())
          .isGreaterThanOrEqualTo(HOST_DELAY);
      assertThat(rig.llm.busiestMinute()).isLessThanOrEqualTo(RPM);

      PulseProcess status = rig.status("status");
      assertThat(status.exitCode(Duration.ofSeconds(60))).as(status.output()).isZero();
      String out = Files.readString(status.stdout);
      assertThat(out).contains("tasks: 0 queued, 0 running, 0 retrying");
      assertThat(out).contains("workers alive: 3");

      for (PulseProcess p : new PulseProcess[] {first, third, fourth}) {
        p.process.destroy(); // SIGTERM
      }
      for (PulseProcess p : new PulseProcess[] {first, third, fourth}) {
        assertThat(p.exitCode(Duration.ofSeconds(40))).as(p.output()).isZero();
      }
      PulseProcess after = rig.status("status-after");
      assertThat(after.exitCode(Duration.ofSeconds(60))).as(after.output()).isNotZero();
      // the runs tell the truth: the killed worker's abandoned (by the live workers), none left
      // running, the three stopped by SIGTERM closed
      assertThat(rig.count("SELECT COUNT(*) FROM runs WHERE command = 'worker'")).isEqualTo(4);
      assertThat(rig.count("SELECT COUNT(*) FROM runs WHERE status = 'running'")).isZero();
      assertThat(rig.count("SELECT COUNT(*) FROM runs WHERE status = 'abandoned'")).isEqualTo(1);
    }
  }

  private static long safeCount(ScaleRig rig) {
    try {
      return rig.entries();
    } catch (IllegalStateException e) {
      return 0; // the schema is not there until the first worker has migrated it
    }
  }
}
